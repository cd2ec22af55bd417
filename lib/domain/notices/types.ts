import { z } from "zod";

/**
 * In-app notices. A notice is stored as a code and parameters, never as text, so each reader sees it
 * in their own language (messages `notices.codes.<code>`); user-written parameters (a title) are shown
 * isolated, as written.
 */
export const NOTICE_CODES = ["incident_from_ticket"] as const;
export type TNoticeCode = (typeof NOTICE_CODES)[number];
export const isNoticeCode = (v: string): v is TNoticeCode => (NOTICE_CODES as readonly string[]).includes(v);

export type TNoticeParams = Record<string, string | number>;

export type TNotice = {
  id: string;
  code: TNoticeCode;
  params: TNoticeParams;
  href: string | null;
  createdAt: Date;
  readAt: Date | null;
};

export const MAX_NOTICES_MARKED = 100;
/** Mark some (ids) or all (no ids) of one's own notices read. */
export const ZMarkNoticesRead = z.object({ ids: z.array(z.uuid()).min(1).max(MAX_NOTICES_MARKED).optional() });
