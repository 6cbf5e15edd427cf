/**
 * What `npm run bench` runs inside the page, as plain JavaScript text: tsx would wrap named functions written
 * in TypeScript in a `__name` helper that exists only in Node (see the note in export/session.ts). Installed with
 * page.addInitScript before the deck's own scripts, so it sees the first key press and reveal's `ready`.
 * Every time is in ms on the page's clock (performance.now()).
 */
export const benchInitScript = `(() => {
  const twoFrames = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  const wait = (ms) => new Promise((done) => setTimeout(done, ms));
  const bench = { keydownAt: NaN, readyAt: NaN };
  window.__bench = bench;
  window.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowRight') bench.keydownAt = event.timeStamp;
  }, { capture: true });
  window.addEventListener('ready', () => { bench.readyAt = performance.now(); }, { capture: true, once: true });

  /** After load: FCP, LCP, the load event and reveal's ready, once fonts and two frames have settled. */
  bench.loadMetrics = async () => {
    await document.fonts.ready;
    await twoFrames();
    await wait(300);
    const lcp = await new Promise((done) => {
      let last = NaN;
      const observer = new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) last = entry.startTime;
      });
      observer.observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => { observer.disconnect(); done(last); }, 50);
    });
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const nav = performance.getEntriesByType('navigation')[0];
    return {
      fcp: paint ? paint.startTime : NaN,
      lcp,
      load: nav ? nav.loadEventEnd : NaN,
      ready: bench.readyAt,
      slides: window.Reveal ? window.Reveal.getTotalSlides() : 0,
    };
  };

  /**
   * Waits, at most \`cap\` ms, for a settled page: every chart step ended (the deck's charts plugin; the floor has
   * none) and no CSS transition running (a slide's 0.8 s move, a fragment's fade), then two frames. reveal's
   * "press next" bounce on the title slide is a CSS animation, not a transition, and is not waited for.
   * Returns the ms waited.
   */
  bench.settle = async (cap) => {
    const started = performance.now();
    const left = () => Math.max(0, started + cap - performance.now());
    const charts = window.Reveal && window.Reveal.getPlugin ? window.Reveal.getPlugin('charts') : undefined;
    if (charts) await Promise.race([charts.whenIdle(), wait(left())]);
    for (;;) {
      const running = document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === 'running');
      if (running.length === 0 || left() === 0) break;
      await Promise.race([Promise.all(running.map((a) => a.finished.catch(() => undefined))), wait(left())]);
    }
    await twoFrames();
    return performance.now() - started;
  };

  /** Goes to slide i with every fragment shown, then two frames. */
  bench.jump = async (index) => {
    window.Reveal.slide(index);
    const slide = window.Reveal.getCurrentSlide();
    const indices = Array.from(slide.querySelectorAll('.fragment[data-fragment-index]'), (f) => Number(f.dataset.fragmentIndex));
    const last = indices.length ? Math.max(...indices) : -1;
    if (last >= 0) window.Reveal.slide(index, 0, last);
    await twoFrames();
    return window.Reveal.getIndices().h;
  };

  /** Waits for the next slidechanged after an ArrowRight: ms from the key's event time to two frames later. */
  bench.armNextSlide = () => {
    bench.keydownAt = NaN;
    bench.nextSlide = new Promise((done) => {
      const timer = setTimeout(() => done(NaN), 10000);
      const onChanged = () => {
        window.Reveal.off('slidechanged', onChanged);
        twoFrames().then(() => { clearTimeout(timer); done(performance.now() - bench.keydownAt); });
      };
      window.Reveal.on('slidechanged', onChanged);
    });
  };

  /** Clicks the language toggle: ms until <html lang> has changed and two frames have been drawn. */
  bench.switchLanguage = () => new Promise((done) => {
    const html = document.documentElement;
    const before = html.lang;
    const toggle = document.querySelector('.lang-toggle');
    if (!toggle) { done(NaN); return; }
    const started = performance.now();
    const finish = () => twoFrames().then(() => done(performance.now() - started));
    toggle.click();
    if (html.lang !== before) { finish(); return; }
    const observer = new MutationObserver(() => {
      if (html.lang !== before) { observer.disconnect(); finish(); }
    });
    observer.observe(html, { attributes: true, attributeFilter: ['lang'] });
    setTimeout(() => { observer.disconnect(); done(NaN); }, 10000);
  });
})();`;
