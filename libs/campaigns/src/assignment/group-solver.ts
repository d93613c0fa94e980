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
  /**
   * How the greedy start picks reviewers: the least loaded (default), or uniformly at random
   * whatever their load. The specs use 'uniform' to give `balance` an unbalanced start.
   */
  start?: 'least-loaded' | 'uniform';
}

const START = -2;

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
 *    The shifts keep every reviewee's count. That loses nothing: an exchange that moved an extra
 *    reviewer from one reviewee to another would end at a reviewer below the cap, so it would
 *    contain an augmenting path, and phase 2 left none.
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
  private readonly ceiling: number;
  private readonly cap: number;
  private readonly uniformStart: boolean;

  // Search scratch space, reused across searches.
  private generation = 0;
  private lastSearch = 0;
  private markGeneration = 0;
  private readonly revieweeSeen: Int32Array;
  private readonly markedReviewer: Int32Array;
  private readonly reviewerParent: Int32Array;
  private readonly revieweeParent: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly queue: Int32Array;

  constructor(
    members: readonly SolverMember[],
    settings: SolverSettings,
    private readonly rng: RandomGenerator,
  ) {
    const n = members.length;
    this.n = n;
    this.floor = settings.floor;
    this.ceiling = settings.ceiling;
    this.cap = settings.cap ?? Number.POSITIVE_INFINITY;
    this.uniformStart = settings.start === 'uniform';
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
    this.revieweeSeen = new Int32Array(n);
    this.markedReviewer = new Int32Array(n);
    this.reviewerParent = new Int32Array(n);
    this.revieweeParent = new Int32Array(n);
    this.next = new Int32Array(n + 1);
    this.prev = new Int32Array(n + 1);
    this.queue = new Int32Array(2 * n);
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
    const stuck = new Uint8Array(this.n);
    for (const j of reviewees) {
      while (stuck[j] === 0 && this.reviewerCount(j) < this.floor) {
        if (this.augmentFrom(j)) continue;
        for (const other of reviewees) if (this.revieweeSeen[other] === this.lastSearch) stuck[other] = 1;
      }
    }
    const deficient = reviewees.filter((j) => this.reviewerCount(j) < this.floor);
    if (deficient.length === 0) return [];
    this.search(deficient, [], () => false);
    return reviewees.filter((j) => this.revieweeSeen[j] === this.lastSearch);
  }

  /**
   * After `satisfyFloor`: up to min(K, eligible) reviewers each; with a cap, a maximum total. The
   * extra reviewers go round by round: nobody gets an (m+1)-th before every judge who can still
   * get an m-th has one. A judge for whom no augmenting path exists never gets one later (no
   * augmentation elsewhere creates one), and neither does any judge that judge's search reached.
   */
  raiseToTarget(): void {
    const reviewees = this.servable();
    const stuck = new Uint8Array(this.n);
    for (let round = this.floor + 1; round <= this.ceiling; round++) {
      const upTo = (j: number) => Math.min(round, this.target[j]);
      this.fillAll(reviewees, upTo);
      if (this.cap === Number.POSITIVE_INFINITY) continue;
      for (const j of reviewees) {
        if (stuck[j] === 1 || this.reviewerCount(j) >= upTo(j) || this.augmentFrom(j)) continue;
        // Everything the failed search reached can only reach what it reached: stuck as well.
        for (const other of reviewees) if (this.revieweeSeen[other] === this.lastSearch) stuck[other] = 1;
      }
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
    const bucketOf = (r: number) => (this.uniformStart ? 0 : this.load(r));
    const place = (r: number) => {
      const load = bucketOf(r);
      while (buckets.length <= load) buckets.push([]);
      position[r] = buckets[load].length;
      buckets[load].push(r);
    };
    const unplace = (r: number) => {
      const bucket = buckets[bucketOf(r)];
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
      for (let b = 0; b < buckets.length && b < this.cap && need > 0; b++) {
        const bucket = buckets[b];
        for (let i = 0; i < bucket.length && need > 0; i++) {
          const pick = uniformInt(this.rng, i, bucket.length - 1);
          const r = bucket[pick];
          bucket[pick] = bucket[i];
          position[bucket[pick]] = pick;
          bucket[i] = r;
          position[r] = i;
          if (this.markedReviewer[r] === marked || !this.allowed(r, j) || this.load(r) >= this.cap) continue;
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
  private augmentFrom(reviewee: number): boolean {
    const end = this.search([reviewee], [], (w) => this.load(w) < this.cap);
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
    const end = this.search([], heavy, (w) => this.load(w) <= level);
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
   * Breadth-first search of the residual network for an augmenting path. A reviewee node "needs
   * one more reviewer"; a reviewer node "must give up one review". Reviewer w reached from
   * reviewee j means "w takes j"; reviewee j reached from reviewer w means "w gives up j".
   * The search starts at reviewees (to give one of them a reviewer more) or at reviewers (to
   * take a review off one of them) and ends at the first reviewer for whom `isTarget` holds: it
   * takes its review and keeps it. Every other reviewer and reviewee on the path keeps its count.
   *
   * Returns that reviewer, or null; the seen-stamps of the last search stay readable until the
   * next one.
   */
  private search(startReviewees: number[], startReviewers: number[], isTarget: (reviewer: number) => boolean): number | null {
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
          this.queue[tail++] = n + j;
        }
      } else {
        // Reviewee j needs one more reviewer: any reviewer not reached yet who may take it.
        const j = node - n;
        const marked = this.markReviewersOf(j);
        for (let w = this.next[n]; w !== n; ) {
          const following = this.next[w];
          if (this.markedReviewer[w] !== marked && this.allowed(w, j)) {
            unlink(w);
            this.reviewerParent[w] = j;
            if (isTarget(w)) return w;
            this.queue[tail++] = w;
          }
          w = following;
        }
      }
    }
    return null;
  }

  /** Applies the path that `search` ended at reviewer `end`. */
  private apply(end: number): void {
    const adds: [number, number][] = [];
    const drops: [number, number][] = [];
    for (let reviewer = end; ; ) {
      const reviewee = this.reviewerParent[reviewer];
      if (reviewee === START) break;
      adds.push([reviewer, reviewee]);
      const previous = this.revieweeParent[reviewee];
      if (previous === START) break;
      drops.push([previous, reviewee]);
      reviewer = previous;
    }
    for (const [w, j] of drops) this.drop(w, j);
    for (const [w, j] of adds) this.add(w, j);
  }
}
