/**
 * Access tokens whose signature was checked, kept until they expire: the same bytes verify the same
 * way until `exp` (HS256 with a secret fixed for the process's life), so a token presented again is
 * not re-verified. Under 16 signed-in reads in flight the HMAC check was ~15 % of the API thread's
 * time (bench/README.md, "the framework floor"). Only verified tokens are kept; a token that fails is
 * checked again each time. What a token cannot say — its session revoked, its user gone — is still
 * checked on every request by the guard.
 */
export class VerifiedTokens<P extends { exp?: number }> {
  private readonly kept = new Map<string, P>();

  constructor(
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The payload of `token`, from memory while it has not expired, else from `verify` (then kept). */
  async payloadOf(token: string, verify: (token: string) => Promise<P>): Promise<P> {
    const kept = this.kept.get(token);
    if (kept && !this.expired(kept)) return kept;
    if (kept) this.kept.delete(token);
    const payload = await verify(token);
    // Without `exp` a token never expires by itself: verified every time rather than kept for ever.
    if (typeof payload.exp === 'number' && !this.expired(payload)) {
      if (this.kept.size >= this.max) this.kept.delete(this.kept.keys().next().value!); // the oldest first
      this.kept.set(token, payload);
    }
    return payload;
  }

  get size(): number {
    return this.kept.size;
  }

  /** As jsonwebtoken decides it: expired once the clock's whole second reaches `exp`. */
  private expired(payload: P): boolean {
    return Math.floor(this.now() / 1000) >= (payload.exp ?? 0);
  }
}
