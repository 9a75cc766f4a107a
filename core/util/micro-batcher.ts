/**
 * Collects concurrent submissions and hands them over as one batch, so many webhook requests
 * share one database round trip and one commit (group commit in the app).
 *
 * A batch leaves when the first item has waited `waitMs`, or at once when it is full. At most
 * `maxInFlight` batches run at a time; items arriving meanwhile wait and leave together as soon
 * as a batch returns. Under load batches therefore grow by themselves instead of multiplying
 * commits; when idle, an item waits only `waitMs`.
 */
export class MicroBatcher<I, O> {
  private pending: { item: I; resolve: (o: O) => void; reject: (e: unknown) => void }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;

  constructor(
    private readonly flushFn: (items: I[]) => Promise<O[]>,
    private readonly waitMs: number,
    private readonly maxSize = 500,
    private readonly maxInFlight = 2,
  ) {}

  submit(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      if (this.pending.length >= this.maxSize) this.flush();
      else this.timer ??= setTimeout(() => this.flush(), this.waitMs);
    });
  }

  private flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending.length === 0 || this.inFlight >= this.maxInFlight) return;
    const batch = this.pending.splice(0, this.maxSize);
    this.inFlight++;
    this.flushFn(batch.map((b) => b.item))
      .then(
        (results) => batch.forEach((b, i) => b.resolve(results[i]!)),
        (err) => batch.forEach((b) => b.reject(err)),
      )
      .finally(() => {
        this.inFlight--;
        if (this.pending.length > 0) this.flush();
      });
  }
}
