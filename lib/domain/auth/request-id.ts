/** A client-sent request id is kept only when it is short and plain; anything else is replaced. */
export const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function safeRequestId(sent: string | null | undefined, generate: () => string): string {
  return sent && REQUEST_ID.test(sent) ? sent : generate();
}
