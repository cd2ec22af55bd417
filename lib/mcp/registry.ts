import "server-only";
import { listOnboardingCandidatesTool } from "./tools/list-onboarding-candidates";
import { logShadowRowTool } from "./tools/log-shadow-row";
import {
  autoCompleteOrgOnboardingTool,
  markOnboardingNudgeSentTool,
  sendLifecycleNudgeEmailTool,
} from "./tools/proposal-tools";
import type { TTool } from "./types";

/** Every tool the console serves over MCP (spec "Agent tools (MCP)"), in the order tools/list shows them. */
export const MCP_TOOLS: readonly TTool[] = [
  listOnboardingCandidatesTool,
  logShadowRowTool,
  markOnboardingNudgeSentTool,
  sendLifecycleNudgeEmailTool,
  autoCompleteOrgOnboardingTool,
];
