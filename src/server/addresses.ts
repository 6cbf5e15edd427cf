import { presenterParam, remoteParam } from '../shared/room.ts';

export interface RoomAddresses {
  audience: string;
  presenter: string;
  remote: string;
}

/** The three addresses `npm run present` prints. Only the audience address goes on slides and QR codes. */
export function roomAddresses(base: string, token: string): RoomAddresses {
  const audience = new URL(base);
  audience.hash = '';
  audience.search = '';
  const withParam = (name: string) => {
    const url = new URL(audience);
    url.searchParams.set(name, token);
    return url.toString();
  };
  return {
    audience: audience.toString(),
    presenter: withParam(presenterParam),
    remote: withParam(remoteParam),
  };
}

/** The address this process is reached at when no --public-url is given. 0.0.0.0 means "this machine". */
export function localBase(host: string, port: number, lanAddress?: string): string {
  const shown = host === '0.0.0.0' || host === '::' ? (lanAddress ?? '127.0.0.1') : host;
  const bracketed = shown.includes(':') ? `[${shown}]` : shown;
  return `http://${bracketed}:${port}/`;
}

/**
 * Origins allowed to open the WebSocket: the page's own origin (the Host it was reached at), and the public URL's.
 * Non-browser clients send no Origin and are let through: the token, not the origin, guards the controls.
 */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  publicUrl?: string,
): boolean {
  if (!origin) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host && parsed.host === host && /^https?:$/.test(parsed.protocol)) return true;
  if (publicUrl) {
    try {
      return new URL(publicUrl).origin === parsed.origin;
    } catch {
      return false;
    }
  }
  return false;
}
