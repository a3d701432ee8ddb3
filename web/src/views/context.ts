// What every view gets: the API client, who is calling, the scenario as the caller may see it.
import type { Api } from '../api';
import type { Caller, ScenarioDoc } from '../model';

export interface ViewContext {
  api: Api;
  caller: Caller;
  scenario: { id: string; revision: number; doc: ScenarioDoc };
  // Remembered choices (version, parties…) while the page is open.
  state: Record<string, string>;
}

export type View = (ctx: ViewContext, root: HTMLElement) => Promise<void>;

export function isMediator(ctx: ViewContext): boolean { return ctx.caller.role === 'mediator'; }
