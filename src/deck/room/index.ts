import type { i18n } from 'i18next';
import type { RevealApi } from 'reveal.js';
import {
  type Handshake,
  parseSavedRole,
  presenterParam,
  remoteParam,
  roleFromSearch,
  roomMetaName,
} from '../../shared/room';
import type { LanguageSignal } from '../language';

/**
 * The live room's boot: a few lines that decide whether this page is in a room at all. The relay's server marks
 * index.html with <meta name="deck-room">; without it (dist/ on any plain web server, `npm run dev`, an exported
 * file) nothing happens and socket.io's client is never loaded.
 */
export interface RoomBoot {
  deck: RevealApi;
  i18n: i18n;
  /** The language controller's signal: the badge relabels, the presenter tells the remote its notes language. */
  language: LanguageSignal;
}

const roleKey = 'chuhai.roomRole';

/**
 * The page's role. A token in the address is moved to this tab's session storage and taken out of the address bar,
 * so a projected or shared screen does not show it, and a reload keeps the role.
 */
export function takeRole(): Handshake {
  const fromUrl = roleFromSearch(window.location.search);
  if (fromUrl.role !== 'audience') {
    try {
      window.sessionStorage.setItem(roleKey, JSON.stringify(fromUrl));
    } catch {
      // No storage: a reload needs the address again.
    }
    const url = new URL(window.location.href);
    url.searchParams.delete(presenterParam);
    url.searchParams.delete(remoteParam);
    window.history.replaceState(window.history.state, '', url);
    return fromUrl;
  }
  try {
    return parseSavedRole(window.sessionStorage.getItem(roleKey)) ?? fromUrl;
  } catch {
    return fromUrl; // storage blocked: the audience
  }
}

export function startRoom(boot: RoomBoot): void {
  if (!document.querySelector(`meta[name="${roomMetaName}"]`)) return;
  if (new URLSearchParams(window.location.search).has('receiver')) return; // the speaker view's previews
  const role = takeRole();
  void import('./room-client')
    .then(({ joinRoom }) => joinRoom(boot, role))
    .catch((error: unknown) => console.warn('Live room unavailable:', error));
}
