/**
 * Resolves after the browser has painted the next frame: a task queued from requestAnimationFrame runs after
 * that frame's paint. A hidden page gets no frames, so a timeout resolves it too.
 */
export function afterNextPaint(fallbackMs = 200): Promise<void> {
  return new Promise((resolve) => {
    const timer = window.setTimeout(resolve, fallbackMs);
    window.requestAnimationFrame(() =>
      window.setTimeout(() => {
        window.clearTimeout(timer);
        resolve();
      }, 0),
    );
  });
}
