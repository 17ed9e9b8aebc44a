/**
 * Agent profiles in config files: how grove starts an agent and reads its state.
 *
 * A profile named like a built-in agent overrides only the fields it sets; any other name is a new agent
 * and must at least say which command to run (checked in load.ts, which knows the built-in names). The
 * fields are all optional and typed, so the agents module can grow without a schema change here for every
 * field that merely becomes used, while a typo in a field name is still reported.
 */
import { z } from 'zod';
import { APPROVAL_MODES, type ApprovalMode } from '../agents/profile.js';


export const approvalModeSchema = z
  .enum(APPROVAL_MODES)
  .describe('default: the agent asks before acting; bypass: it never asks; autopilot: it runs on without a person');

const argsSchema = z.array(z.string());

const regexSchema = z.string().superRefine((source, context) => {
  try {
    new RegExp(source, 'u');
  } catch (err) {
    context.addIssue({ code: 'custom', message: `not a valid regular expression: ${(err as Error).message}` });
  }
});

export const statusRuleSchema = z
  .strictObject({
    match: regexSchema.describe('A regular expression (JavaScript syntax) tested against the text below'),
    in: z
      .enum(['screen', 'title', 'lastLine'])
      .optional()
      .describe('What the expression is tested against: the visible screen (default), the window title, or the last non-empty line'),
    status: z.enum(['working', 'waiting', 'idle']).describe('The status the session has while the expression matches'),
  })
  .describe('When `match` matches, the session has `status`; the first matching rule wins');

export const agentProfileSchema = z
  .strictObject({
    command: z.string().min(1).optional().describe('The program to run (looked up on PATH)'),
    args: argsSchema.optional().describe('Arguments always passed'),
    modeArgs: z
      .strictObject(Object.fromEntries(APPROVAL_MODES.map((mode) => [mode, argsSchema.optional()])) as Record<ApprovalMode, z.ZodOptional<typeof argsSchema>>)
      .optional()
      .describe('Extra arguments for each approval mode'),
    prompt: z
      .enum(['argument', 'type'])
      .optional()
      .describe('How the first prompt is handed over: as the last argument, or typed into the program once it is ready'),
    resumeArgs: argsSchema.optional().describe('Arguments that make the agent resume its previous conversation'),
    env: z.record(z.string(), z.string()).optional().describe('Extra environment variables'),
    status: z.array(statusRuleSchema).optional().describe('Rules that tell working, waiting and idle apart from the screen'),
  })
  .describe('An agent profile; a built-in agent\'s name overrides only the fields given');

export type AgentProfileConfig = z.infer<typeof agentProfileSchema>;
export type StatusRule = z.infer<typeof statusRuleSchema>;
