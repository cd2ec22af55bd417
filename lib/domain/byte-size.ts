/**
 * A file size for people: kilobytes below one megabyte, else megabytes with one decimal (1 KB = 1 024
 * bytes, as the limits are set). Rounded up, so a file just over a limit never reads as equal to it.
 */
export function byteSize(bytes: number): { value: number; unit: "KB" | "MB" } {
  if (bytes < 1024 * 1024) return { value: Math.ceil(bytes / 1024), unit: "KB" };
  return { value: Math.ceil((bytes / (1024 * 1024)) * 10) / 10, unit: "MB" };
}
