// A background job's loop: run now, then every interval, one run at a time (a slow run is not
// overtaken by the next tick), a failed run logged and the next one tried; stopping waits for
// the run in progress. The deadline watcher, the letter sender and the retention job share it.
export class PeriodicTask {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;

  constructor(
    private readonly run: () => Promise<unknown>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  start(intervalMs: number): void {
    if (this.timer) return;
    const tick = () => {
      if (this.running) return;
      this.running = this.run()
        .catch(this.onFailure)
        .finally(() => {
          this.running = null;
        });
    };
    this.timer = setInterval(tick, intervalMs);
    // A job never keeps the process alive on its own.
    this.timer.unref();
    tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
