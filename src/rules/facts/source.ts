/**
 * Where a fact comes from. Every entry of the facts tables names its source and the date of the
 * source (the "Last Updated" stamp of the page, or the commit date), so a reader can re-check it.
 * @internal
 */
export interface FactSource {
  /** URL (or repository path) of the source. */
  readonly url: string;
  /** Date of the source as shown there, or how old it is when the page is undated. */
  readonly date: string;
  /** What exactly the source says, or how sure we are. */
  readonly note?: string;
}
