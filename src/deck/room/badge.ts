import type { i18n } from 'i18next';
import type { Role } from '../../shared/room';
import type { FollowMode } from './follow';

export interface RoomBadge {
  element: HTMLButtonElement;
  update(status: { connected: boolean; mode: FollowMode }): void;
}

/**
 * The room's status in the deck's corner. For the audience: "Live" while following, "Back to live" while reading
 * on their own (a tap returns), "Reconnecting…" while the relay is out of reach. For the presenter: whether the
 * room hears them.
 */
export function createRoomBadge(host: HTMLElement, i18n: i18n, role: Role, onBack: () => void): RoomBadge {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'deck-button room-badge';
  button.dataset.role = role;
  const dot = document.createElement('span');
  dot.className = 'room-dot';
  dot.setAttribute('aria-hidden', 'true');
  const text = document.createElement('span');
  button.append(dot, text);
  const status = document.createElement('div');
  status.className = 'sr-only';
  status.setAttribute('role', 'status');
  status.setAttribute('aria-live', 'polite');
  host.prepend(button);
  host.append(status);
  let state = '';
  button.addEventListener('click', () => {
    if (button.dataset.state === 'reading') onBack();
  });

  return {
    element: button,
    update({ connected, mode }) {
      const next = !connected ? 'offline' : role !== 'audience' ? 'presenting' : mode;
      button.dataset.state = next;
      const label =
        next === 'offline'
          ? i18n.t(role === 'audience' ? 'room.reconnecting' : 'room.offline')
          : next === 'presenting'
            ? i18n.t('room.presenting')
            : next === 'live'
              ? i18n.t('room.live')
              : i18n.t('room.backToLive');
      text.textContent = label;
      button.title =
        next === 'reading'
          ? i18n.t('room.backToLiveHint')
          : next === 'presenting'
            ? i18n.t('room.presentingHint')
            : next === 'live'
              ? i18n.t('room.liveHint')
              : label;
      button.setAttribute('aria-disabled', String(next !== 'reading'));
      if (next !== state) status.textContent = label;
      state = next;
    },
  };
}
