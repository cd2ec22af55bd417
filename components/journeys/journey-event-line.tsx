import { getTranslations } from "next-intl/server";
import { stageEventLine } from "@/lib/domain/journeys/event-line";

/**
 * A timeline line: a journey stage event in the reader's language from its code and parameters; any
 * other event as recorded, isolated with <bdi> so it cannot scramble the line.
 */
export async function JourneyEventLine({ type, data, summary }: { type: string; data: unknown; summary: string }) {
  const line = stageEventLine(type, data);
  if (!line) return <bdi>{summary}</bdi>;
  const t = await getTranslations("journey");
  return (
    <>
      {t(`events.lines.${line.key}`, {
        from: t(`stages.${line.from}`),
        to: t(`stages.${line.to}`),
        criterion: line.criterion ? t(`criteria.names.${line.criterion}`) : "",
      })}
    </>
  );
}
