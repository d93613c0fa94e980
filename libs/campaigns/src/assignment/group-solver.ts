import type { RandomGenerator } from 'pure-rand/types/RandomGenerator';
import { uniformInt } from 'pure-rand/distribution/uniformInt';

/** One judge of a group, as the solver sees it: a court number and whether they preside over it. */
export interface SolverMember {
  court: number;
  president: boolean;
}

export interface SolverSettings {
  /** k */
  floor: number;
  /** K */
  ceiling: number;
  /** Largest load of one reviewer; null for none. */
  cap: number | null;
}

const START = -2;
const SINK = -3;

/**
 * Exact reviewer assignment for one eligibility group, by augmenting paths on the implicit
 * bipartite flow network  source → reviewer (capacity: the load cap) → reviewee (one arc per
 * allowed pair, capacity 1) → sink (between k and K).
 *
 * The allowed pairs are "everyone but oneself and the court-president conflicts", so the graph
 * is nearly complete. The solver never lists its arcs: a search keeps the reviewers it has not
 * reached in a linked list and, from a reviewee, takes every one of them it may add, skipping
 * only the few that are not allowed or already assigned (breadth-first search on a complement
 * graph). One search costs O(n·K) instead of O(n²).
 *
 * Phases (see docs/peer-review-assignment.md):
 * 1. `satisfyFloor`: every reviewee gets k reviewers (greedy, then augmenting paths when a load
 *    cap binds). If that is impossible, the reviewees that can reach a deficit in the residual
 *    network form the bottleneck: a set X with Σ_r min(cap, |allowed(r) ∩ X|) < k·|X|.
 * 2. `raiseToTarget`: every reviewee gets up to min(K, eligible) reviewers; with a cap, the total
 *    is a maximum flow.
 * 3. `balance`: shifts single reviews from a reviewer of load ≥ λ+2 to one of load ≤ λ along
 *    residual paths until no such path exists for any λ. The set of load vectors of valid plans
 *    with a given total is M-convex, so this fixed point is the decreasingly minimal load vector
 *    (Frank & Murota): least possible maximum, greatest possible minimum, least Σ load².
 */
export class GroupSolver {
  readonly n: number;
  private readonly court: Int32Array;
  private readonly president: Uint8Array;
  /** Allowed reviewers per reviewee (d_j). */
  readonly eligible: Int32Array;
  /** Reviewers each reviewee should get: min(K, d_j), or 0 for a judge who cannot get k. */
  private readonly target: Int32Array;
  private readonly reviewersOf: number[][];
  private readonly reviewsOf: number[][];
  private readonly floor: number;
  private readonly cap: number;

  // Search scratch space, reused across searches.
  private generation = 0;
  private lastSearch = 0;
  private markGeneration = 0;
  private readonly reviewerSeen: Int32Array;
  private readonly revieweeSeen: Int32Array;
  private readonly markedReviewer: Int32Array;
  private readonly reviewerParent: Int32Array;
  private readonly revieweeParent: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;
  private sinkSeen = 0;
  private sinkParent = -1;

  constructor(
    members: readonly SolverMember[],
    settings: SolverSettings,
    private readonly rng: RandomGenerator,
  ) {
    const n = members.length;
    this.n = n;
    this.floor = settings.floor;
    this.cap = settings.cap ?? Number.POSITIVE_INFINITY;
    this.court = Int32Array.from(members, (m) => m.court);
    this.president = Uint8Array.from(members, (m) => (m.president ? 1 : 0));
    const courtSize = new Map<number, number>();
    const courtPresidents = new Map<number, number>();
    for (const m of members) {
      courtSize.set(m.court, (courtSize.get(m.court) ?? 0) + 1);
      if (m.president) courtPresidents.set(m.court, (courtPresidents.get(m.court) ?? 0) + 1);
    }
    this.eligible = Int32Array.from(members, (m) => n - 1 - (m.president ? courtSize.get(m.court)! - 1 : (courtPresidents.get(m.court) ?? 0)));
    this.target = Int32Array.from(this.eligible, (d) => (d >= settings.floor ? Math.min(settings.ceiling, d) : 0));
    this.reviewersOf = Array.from({ length: n }, () => []);
    this.reviewsOf = Array.from({ length: n }, () => []);
    this.reviewerSeen = new Int32Array(n);
    this.revieweeSeen = new Int32Array(n);
    this.markedReviewer = new Int32Array(n);
    this.reviewerParent = new Int32Array(n);
    this.revieweeParent = new Int32Array(n);
    this.next = new Int32Array(n + 1);
    this.prev = new Int32Array(n + 1);
    this.queue = new Int32Array(2 * n + 1);
  }

  allowed(reviewer: number, reviewee: number): boolean {
    if (reviewer === reviewee) return false;
    return this.court[reviewer] !== this.court[reviewee] || (this.president[reviewer] === 0 && this.president[reviewee] === 0);
  }

  load(reviewer: number): number {
    return this.reviewsOf[reviewer].length;
  }

  reviewerCount(reviewee: number): number {
    return this.reviewersOf[reviewee].length;
  }

  /** Pairs [reviewer, reviewee] of member indices. */
  assignments(): [number, number][] {
    const pairs: [number, number][] = [];
    this.reviewersOf.forEach((reviewers, reviewee) => reviewers.forEach((reviewer) => pairs.push([reviewer, reviewee])));
    return pairs;
  }

  /**
   * Gives every judge who can have k reviewers exactly k of them, or returns the bottleneck:
   * member indices of the reviewees who cannot all be served (empty when all are).
   */
  satisfyFloor(): number[] {
    const reviewees = this.servable();
    this.fillAll(reviewees, () => this.floor);
    if (this.cap === Number.POSITIVE_INFINITY) return [];
    for (const j of reviewees) {
      while (this.reviewerCount(j) < this.floor) if (!this.augmentFrom(j, true)) break;
    }
    const deficient = reviewees.filter((j) => this.reviewerCount(j) < this.floor);
    if (deficient.length === 0) return [];
    this.search('gain', deficient, [], () => false, true);
    return reviewees.filter((j) => this.revieweeSeen[j] === this.lastSearch);
  }

  /** After `satisfyFloor`: up to min(K, eligible) reviewers each; with a cap, a maximum total. */
  raiseToTarget(): void {
    const reviewees = this.servable();
    this.fillAll(reviewees, (j) => this.target[j]);
    if (this.cap === Number.POSITIVE_INFINITY) return;
    for (const j of reviewees) {
      while (this.reviewerCount(j) < this.target[j]) if (!this.augmentFrom(j, false)) break;
    }
  }

  /** Makes the load vector decreasingly minimal without changing the total. */
  balance(): void {
    for (;;) {
      let improved = false;
      let min = Number.POSITIVE_INFINITY;
      let max = 0;
      for (let r = 0; r < this.n; r++) {
        min = Math.min(min, this.load(r));
        max = Math.max(max, this.load(r));
      }
      for (let level = max - 2; level >= min; level--) {
        while (this.shift(level)) improved = true;
      }
      if (!improved) return;
    }
  }

  private servable(): number[] {
    const reviewees: number[] = [];
    for (let j = 0; j < this.n; j++) if (this.target[j] > 0) reviewees.push(j);
    return reviewees;
  }

  /**
   * Greedy: in turn, each reviewee takes the least-loaded reviewers it may have (uniformly at
   * random among equal loads) until it has `upTo(j)`. Reviewers sit in buckets by load; a
   * reviewee samples the lowest buckets without replacement and skips the few it may not take,
   * so a round costs O(n·(K + conflicts)) rather than O(n²).
   */
  private fillAll(reviewees: number[], upTo: (reviewee: number) => number): void {
    const buckets: number[][] = [];
    const position = new Int32Array(this.n);
    const place = (r: number) => {
      const load = this.load(r);
      while (buckets.length <= load) buckets.push([]);
      position[r] = buckets[load].length;
      buckets[load].push(r);
    };
    const unplace = (r: number) => {
      const bucket = buckets[this.load(r)];
      const last = bucket.pop()!;
      if (last !== r) {
        bucket[position[r]] = last;
        position[last] = position[r];
      }
    };
    for (let r = 0; r < this.n; r++) place(r);
    const chosen: number[] = [];
    for (const j of reviewees) {
      let need = upTo(j) - this.reviewerCount(j);
      if (need <= 0) continue;
      const marked = this.markReviewersOf(j);
      chosen.length = 0;
      for (let load = 0; load < buckets.length && load < this.cap && need > 0; load++) {
        const bucket = buckets[load];
        for (let i = 0; i < bucket.length && need > 0; i++) {
          const pick = uniformInt(this.rng, i, bucket.length - 1);
          const r = bucket[pick];
          bucket[pick] = bucket[i];
          position[bucket[pick]] = pick;
          bucket[i] = r;
          position[r] = i;
          if (this.markedReviewer[r] === marked || !this.allowed(r, j)) continue;
          chosen.push(r);
          need--;
        }
      }
      for (const r of chosen) {
        unplace(r);
        this.add(r, j);
        place(r);
      }
    }
  }

  /** One more reviewer for `reviewee`, by an augmenting path. */
  private augmentFrom(reviewee: number, allowRelease: boolean): boolean {
    const end = this.search('gain', [reviewee], [], (w) => this.load(w) < this.cap, allowRelease);
    if (end === null) return false;
    this.apply(end);
    return true;
  }

  /** Moves one review from some reviewer of load ≥ level+2 to one of load ≤ level. */
  private shift(level: number): boolean {
    const heavy: number[] = [];
    let anyLight = false;
    for (let r = 0; r < this.n; r++) {
      if (this.load(r) >= level + 2) heavy.push(r);
      else if (this.load(r) <= level) anyLight = true;
    }
    if (heavy.length === 0 || !anyLight) return false;
    const end = this.search('shift', [], heavy, (w) => this.load(w) <= level, true);
    if (end === null) return false;
    this.apply(end);
    return true;
  }

  private add(reviewer: number, reviewee: number): void {
    this.reviewersOf[reviewee].push(reviewer);
    this.reviewsOf[reviewer].push(reviewee);
  }

  private drop(reviewer: number, reviewee: number): void {
    const remove = (list: number[], value: number) => {
      const at = list.indexOf(value);
      list[at] = list[list.length - 1];
      list.pop();
    };
    remove(this.reviewersOf[reviewee], reviewer);
    remove(this.reviewsOf[reviewer], reviewee);
  }

  private markReviewersOf(reviewee: number): number {
    const stamp = ++this.markGeneration;
    for (const r of this.reviewersOf[reviewee]) this.markedReviewer[r] = stamp;
    return stamp;
  }

  /**
   * Breadth-first search of the residual network. Node meanings: a reviewee node "needs one more
   * reviewer"; a reviewer node "must give up one review"; the sink node "some reviewee with room
   * below its target gains one". Reviewer w reached from reviewee j means "w takes j"; reviewee j
   * reached from reviewer w means "w gives up j".
   *
   * - 'gain' starts at reviewees and ends at a reviewer for whom `isTarget` holds (it takes the
   *   review and keeps it), or, with `release`, at a reviewee above k that can do with one fewer.
   * - 'shift' starts at reviewers and ends at a target reviewer; with `release`, a reviewee above
   *   k may pass its loss through the sink to a reviewee below its target.
   *
   * Returns the end node (reviewer w as w, reviewee j as n + j) or null; the seen-stamps of the
   * last search stay readable until the next one.
   */
  private search(mode: 'gain' | 'shift', startReviewees: number[], startReviewers: number[], isTarget: (reviewer: number) => boolean, release: boolean): number | null {
    const n = this.n;
    const stamp = ++this.generation;
    this.lastSearch = stamp;
    // Circular list of the reviewers not reached yet; n is the sentinel.
    for (let r = 0; r < n; r++) {
      this.next[r] = r + 1;
      this.prev[r] = r === 0 ? n : r - 1;
    }
    this.next[n] = n === 0 ? n : 0;
    this.prev[n] = n === 0 ? n : n - 1;
    const unlink = (r: number) => {
      this.next[this.prev[r]] = this.next[r];
      this.prev[this.next[r]] = this.prev[r];
    };
    let head = 0;
    let tail = 0;
    for (const j of startReviewees) {
      this.revieweeSeen[j] = stamp;
      this.revieweeParent[j] = START;
      this.queue[tail++] = n + j;
    }
    for (const w of startReviewers) {
      this.reviewerSeen[w] = stamp;
      this.reviewerParent[w] = START;
      unlink(w);
      this.queue[tail++] = w;
    }
    while (head < tail) {
      const node = this.queue[head++];
      if (node < n) {
        // Reviewer w gives up one of its reviews.
        for (const j of this.reviewsOf[node]) {
          if (this.revieweeSeen[j] === stamp) continue;
          this.revieweeSeen[j] = stamp;
          this.revieweeParent[j] = node;
          if (mode === 'gain' && release && this.reviewerCount(j) > this.floor) return n + j;
          this.queue[tail++] = n + j;
        }
      } else if (node < 2 * n) {
        // Reviewee j needs one more reviewer.
        const j = node - n;
        if (mode === 'shift' && release && this.sinkSeen !== stamp && this.revieweeParent[j] >= 0 && this.reviewerCount(j) > this.floor) {
          this.sinkSeen = stamp;
          this.sinkParent = j;
          this.queue[tail++] = 2 * n;
        }
        const marked = this.markReviewersOf(j);
        for (let w = this.next[n]; w !== n; ) {
          const following = this.next[w];
          if (this.markedReviewer[w] !== marked && this.allowed(w, j)) {
            unlink(w);
            this.reviewerSeen[w] = stamp;
            this.reviewerParent[w] = j;
            if (isTarget(w)) return w;
            this.queue[tail++] = w;
          }
          w = following;
        }
      } else {
        // The sink passes the loss on to any reviewee with room.
        for (let j = 0; j < n; j++) {
          if (this.revieweeSeen[j] === stamp || this.reviewerCount(j) >= this.target[j]) continue;
          this.revieweeSeen[j] = stamp;
          this.revieweeParent[j] = SINK;
          this.queue[tail++] = n + j;
        }
      }
    }
    return null;
  }

  /** Applies the path that `search` ended at `end`. */
  private apply(end: number): void {
    const n = this.n;
    const adds: [number, number][] = [];
    const drops: [number, number][] = [];
    let node = end;
    for (;;) {
      if (node < n) {
        const j = this.reviewerParent[node];
        if (j === START) break;
        adds.push([node, j]);
        node = n + j;
      } else {
        let j = node - n;
        let w = this.revieweeParent[j];
        if (w === SINK) {
          j = this.sinkParent;
          w = this.revieweeParent[j];
        }
        if (w === START) break;
        drops.push([w, j]);
        node = w;
      }
    }
    for (const [w, j] of drops) this.drop(w, j);
    for (const [w, j] of adds) this.add(w, j);
  }
}
