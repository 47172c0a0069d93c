import type { Endpoint, Endpoints } from "../../src/miniapp/api-types.js";

/** The server refused the initData (401): the page was not opened by Telegram, or too long ago. */
export class AuthError extends Error {}

/**
 * Calls one endpoint of the Mini App's API (src/miniapp/api-types.ts): a POST with a JSON body
 * and the signed initData in the Authorization header. Relative to the page, so the app works
 * at whatever path it is served.
 */
export function createApi(initData: string) {
  return async function call<K extends Endpoint>(name: K, body: Endpoints[K]["request"]): Promise<Endpoints[K]["response"]> {
    const response = await fetch(`api/${name}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `tma ${initData}` },
      body: JSON.stringify(body),
    });
    if (response.status === 401) throw new AuthError(await response.text());
    if (!response.ok) throw new Error(`${name}: HTTP ${response.status}`);
    return (await response.json()) as Endpoints[K]["response"];
  };
}

export type Call = ReturnType<typeof createApi>;
