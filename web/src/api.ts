// The HTTP API client (docs/server.md): bearer token, JSON, errors as ApiError.
import type { Caller, DiffResult, Run } from './model';

export class ApiError extends Error {
  constructor(public status: number, public code: string, message: string) { super(message); }
}

// What to tell a person about an error.
export function explain(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 401) return 'Your token was not accepted (401): it is unknown, mistyped or revoked. Log in again.';
    if (e.status === 403) return `Not allowed for your role (403): ${e.message}.`;
    return `The server answered ${e.status}: ${e.message}`;
  }
  return `Could not reach the server: ${e instanceof Error ? e.message : String(e)}`;
}

export class Api {
  constructor(private token: string, private base = '') {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(this.base + path, {
      method,
      headers: { Authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
      cache: 'no-store',
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : {};
    if (!res.ok) throw new ApiError(res.status, json?.error?.code ?? 'error', json?.error?.message ?? res.statusText);
    return json as T;
  }
  get<T>(path: string): Promise<T> { return this.request<T>('GET', path); }

  async whoami(): Promise<{ caller: Caller; scenarios: { id: string; title: string; revision: number }[] }> {
    return this.get('/api/scenarios');
  }

  // How version `from` became `to` (public text: every role may ask).
  async diff(scenario: string, from: string, to: string): Promise<DiffResult> {
    const q = `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    return (await this.get<{ diff: DiffResult }>(`/api/scenarios/${encodeURIComponent(scenario)}/diff?${q}`)).diff;
  }

  // The newest stored run of `engine` at `revision` whose params match; a mediator runs one
  // when there is none (other roles only read what the mediator has run).
  async latestRun<R>(scenario: string, engine: string, revision: number, params: Record<string, unknown>,
                     canRun: boolean): Promise<Run<R> | null> {
    const id = encodeURIComponent(scenario);
    const list = await this.get<{ runs: Run<R>[] }>(`/api/scenarios/${id}/analyses?engine=${engine}`);
    const want = JSON.stringify(params);
    const match = list.runs.find((r) => r.revision === revision && (r.params === undefined || JSON.stringify(r.params) === want)
      && (r.params !== undefined || paramsOfParty(r.result, params)));
    if (match) return match;
    if (!canRun) return null;
    return this.run<R>(scenario, engine, params);
  }

  // Runs an analysis now (mediator) and returns the stored run.
  async run<R>(scenario: string, engine: string, params: Record<string, unknown>): Promise<Run<R>> {
    const id = encodeURIComponent(scenario);
    return (await this.request<{ run: Run<R> }>('POST', `/api/scenarios/${id}/analyses/${engine}`, { params })).run;
  }
}

// A party's reduced result carries no params; match on the version it was run for.
function paramsOfParty(result: unknown, params: Record<string, unknown>): boolean {
  const r = result as { version?: string | null; draft?: { version?: string | null } | null; model?: string };
  if ('model' in params && r?.model !== params.model) return false;
  if (!('version' in params)) return true;
  return r?.version === params.version || r?.draft?.version === params.version;
}
