// One finger on a touch screen for the browser tests (phones, kiosks), through the DevTools
// protocol: what a touchscreen sends, move by move. Each event
// is sent with the time the finger made it, moves a frame apart, but Chromium (156 on) stamps it
// with when the page took it instead: the page is drawn in software here, far slower than a phone
// draws it, and DevTools hands over each event only once the page took the last, so these moves
// reach it 100 to 300 ms apart, a slow drag. Swipes, taps and drags do not care; a flick's speed
// does, so `flick` has the browser itself move the finger (Input.synthesizeScrollGesture with
// touch: real touch events, made and stamped a frame apart by the browser, however busy the page).
const frame = 1000 / 60;

export class Finger {
  constructor(page, cdp) { this.page = page; this.cdp = cdp; }
  async send(type, points, after) {
    const now = Date.now() / 1000;
    this.clock = after === undefined ? now : Math.min(now, this.clock + after / 1000);
    await this.cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points, timestamp: this.clock });
  }
  async down(x, y) { this.at = { x, y }; await this.send('touchStart', [{ x, y, id: 1 }]); }
  async moveTo(x, y) { this.at = { x, y }; await this.send('touchMove', [{ x, y, id: 1 }], frame); }
  async up() { await this.send('touchEnd', [], frame); }
  // Holds still for `ms`: the clock moves on with the real one.
  async rest(ms) { await this.page.waitForTimeout(ms); this.clock = Date.now() / 1000; }
  // Slides to (x, y) in `steps` moves a frame apart.
  async slide(x, y, steps) {
    const from = this.at;
    for (let i = 1; i <= steps; ++i) {
      await this.page.waitForTimeout(frame);
      await this.moveTo(from.x + ((x - from.x) * i) / steps, from.y + ((y - from.y) * i) / steps);
    }
  }
  async tap(x, y) { await this.down(x, y); await this.rest(60); await this.up(); }
  // Holds the finger still at (x, y) for `ms` (a long press is half a second), then lifts it.
  async hold(x, y, ms) { await this.down(x, y); await this.rest(ms); await this.up(); }
  // Two fingers on a horizontal line through (x, y), spreading from `fromSpan` to `toSpan` px
  // apart in `steps` moves (fingers 1 and 2; a pinch inwards when toSpan < fromSpan).
  async pinch(x, y, fromSpan, toSpan, steps) {
    const at = (span) => [{ x: x - span / 2, y, id: 1 }, { x: x + span / 2, y, id: 2 }];
    await this.send('touchStart', [at(fromSpan)[0]]);
    await this.send('touchStart', at(fromSpan), frame);
    for (let i = 1; i <= steps; ++i) {
      await this.page.waitForTimeout(frame);
      await this.send('touchMove', at(fromSpan + ((toSpan - fromSpan) * i) / steps), frame);
    }
    await this.send('touchEnd', [at(toSpan)[0]], frame);
    await this.send('touchEnd', [], frame);
  }
  // Flicks upwards by about `dy` px at `speed` px/s from (x, y), lifting without a pause.
  async flick(x, y, dy, speed) {
    await this.cdp.send('Input.synthesizeScrollGesture',
      { x, y, yDistance: -dy, speed, gestureSourceType: 'touch', preventFling: false });
  }
}

