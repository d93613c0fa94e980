import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AnsweringRepository } from './answering.repository';
import { attributesKey, coarsenCounts, coarseningGroupSize, ReportingAttributes } from './coarsening';

/** A group of the register population under the attributes stored with responses (coarsened). */
export interface PopulationGroup {
  attributes: ReportingAttributes;
  population: number;
}

export interface RespondentGroup {
  attributes: ReportingAttributes;
  respondents: number;
}

/** How many stored responses gave `value` (null: no answer) to `question`, per stored attribute combination. */
export interface ScaleAnswerCount {
  attributes: ReportingAttributes;
  question: string;
  value: number | null;
  count: number;
}

/** A choice question: its option values in order; a multiple choice's answer is an array of them. */
export interface ChoiceItem {
  name: string;
  multiple: boolean;
  options: readonly (string | number | boolean)[];
}

/** How many stored responses answered `question`, per stored attribute combination. */
export interface ChoiceAnsweredCount {
  attributes: ReportingAttributes;
  question: string;
  count: number;
}

/** How many stored responses chose option `option` (its index) of `question`, per stored attribute combination. */
export interface ChoiceChosenCount extends ChoiceAnsweredCount {
  option: number;
}

/** A scored item of a dimension: reverse-scored items count as `mirror - value` (mirror = scale min + max). */
export interface ScoredItem {
  name: string;
  dimension: string;
  reverse: boolean;
  mirror: number;
}

/**
 * How many responses have the dimension score `sum / answered` (answered 0: no item of the
 * dimension answered), per stored attribute combination, or per reviewed judge for peer reviews.
 */
export interface DimensionScoreCount {
  attributes: ReportingAttributes;
  revieweeJudgeId: string | null;
  dimension: string;
  sum: number;
  answered: number;
  count: number;
}

/** Reviews counted nationally by reviewer and judge gender, competency and score point (0: skipped). */
export interface RaterTallyCount {
  raterGender: string;
  judgeGender: string;
  competency: string;
  point: number;
  count: number;
}

const ATTRIBUTE_COLUMNS = 'r.gender, r.age_band, r.experience_band, r.court_level, r.region_code';

function attributesOf(row: Record<string, unknown>): ReportingAttributes {
  return {
    gender: row.gender as string | null,
    ageBand: row.age_band as string | null,
    experienceBand: row.experience_band as string | null,
    courtLevel: row.court_level as string | null,
    regionCode: row.region_code as string | null,
  };
}

/**
 * The only way out of the response store for aggregation. It reads finalised campaigns only
 * and returns grouped counts computed in Postgres, never a response row: callers see
 * attribute combinations that every match at least k people of the register.
 */
@Injectable()
export class ResponseReader {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly answering: AnsweringRepository,
  ) {}

  /** Whether the campaign is closed and its answers are all in the response store, rewritten in random order. */
  async finalized(campaignId: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT c.status IN ('closed', 'published')
              AND NOT EXISTS (SELECT 1 FROM responses.mix_buffer b WHERE b.campaign_id = c.id)
              AND NOT EXISTS (SELECT 1 FROM responses.submission_receipt s WHERE s.campaign_id = c.id) AS finalized
       FROM campaigns.campaign c WHERE c.id = $1`,
      [campaignId],
    );
    return row?.finalized === true;
  }

  /**
   * The register population of the campaign (its launch-day snapshot) grouped by the
   * attributes responses store: the same coarsening answering applied, so every response
   * falls in exactly one group.
   */
  async populationGroups(campaignId: string, countThreshold: number): Promise<PopulationGroup[]> {
    const counted = await this.answering.populationCounts(campaignId);
    const stored = coarsenCounts(counted, coarseningGroupSize(countThreshold));
    const groups = new Map<string, PopulationGroup>();
    for (const { attributes: full, count } of counted) {
      const attributes = stored.get(attributesKey(full))!;
      const key = attributesKey(attributes);
      const group = groups.get(key) ?? { attributes, population: 0 };
      group.population += count;
      groups.set(key, group);
    }
    return [...groups.values()];
  }

  async respondentGroups(campaignId: string): Promise<RespondentGroup[]> {
    const rows = await this.db.query(
      `SELECT ${ATTRIBUTE_COLUMNS}, count(*)::int AS respondents FROM responses.response r
       WHERE r.campaign_id = $1 GROUP BY ${ATTRIBUTE_COLUMNS}`,
      [campaignId],
    );
    return rows.map((row: Record<string, unknown>) => ({ attributes: attributesOf(row), respondents: row.respondents as number }));
  }

  async scaleAnswerCounts(campaignId: string, questions: readonly string[]): Promise<ScaleAnswerCount[]> {
    const rows = await this.db.query(
      `SELECT ${ATTRIBUTE_COLUMNS}, q.name AS question, (r.answers ->> q.name)::numeric AS value, count(*)::int AS count
       FROM responses.response r CROSS JOIN unnest($2::text[]) AS q(name)
       WHERE r.campaign_id = $1
       GROUP BY ${ATTRIBUTE_COLUMNS}, q.name, value`,
      [campaignId, questions],
    );
    return rows.map((row: Record<string, unknown>) => ({
      attributes: attributesOf(row),
      question: row.question as string,
      value: row.value === null ? null : Number(row.value),
      count: row.count as number,
    }));
  }

  /** Responses that answered each choice question (an empty selection is no answer), counted per attribute combination. */
  async choiceAnsweredCounts(campaignId: string, questions: readonly ChoiceItem[]): Promise<ChoiceAnsweredCount[]> {
    const rows = await this.db.query(
      `SELECT ${ATTRIBUTE_COLUMNS}, q.name AS question, count(*)::int AS count
       FROM responses.response r CROSS JOIN unnest($2::text[]) AS q(name)
       WHERE r.campaign_id = $1 AND r.answers -> q.name NOT IN ('null'::jsonb, '[]'::jsonb)
       GROUP BY ${ATTRIBUTE_COLUMNS}, q.name`,
      [campaignId, questions.map((q) => q.name)],
    );
    return rows.map((row: Record<string, unknown>) => ({ attributes: attributesOf(row), question: row.question as string, count: row.count as number }));
  }

  /** Responses that chose each option of each choice question, counted per attribute combination; options nobody chose give no row. */
  async choiceChosenCounts(campaignId: string, questions: readonly ChoiceItem[]): Promise<ChoiceChosenCount[]> {
    const options = questions.flatMap((q) => q.options.map((value, option) => ({ name: q.name, multiple: q.multiple, option, value: JSON.stringify(value) })));
    const rows = await this.db.query(
      `SELECT ${ATTRIBUTE_COLUMNS}, o.name AS question, o.option, count(*)::int AS count
       FROM responses.response r CROSS JOIN unnest($2::text[], $3::boolean[], $4::int[], $5::jsonb[]) AS o(name, multiple, option, value)
       WHERE r.campaign_id = $1
         AND CASE WHEN o.multiple THEN r.answers -> o.name @> jsonb_build_array(o.value) ELSE r.answers -> o.name = o.value END
       GROUP BY ${ATTRIBUTE_COLUMNS}, o.name, o.option`,
      [campaignId, options.map((o) => o.name), options.map((o) => o.multiple), options.map((o) => o.option), options.map((o) => o.value)],
    );
    return rows.map((row: Record<string, unknown>) => ({
      attributes: attributesOf(row),
      question: row.question as string,
      option: row.option as number,
      count: row.count as number,
    }));
  }

  /**
   * Dimension scores of every response, counted by score; peer reviews by the judge reviewed.
   * Each response is scored in a lateral subquery of its own items: grouping all items of all
   * responses by response id instead costs twice the time at 100× national size (BENCHMARKS.md).
   */
  async dimensionScoreCounts(campaignId: string, items: readonly ScoredItem[]): Promise<DimensionScoreCount[]> {
    const rows = await this.db.query(
      `SELECT ${ATTRIBUTE_COLUMNS}, r.reviewee_judge_id, s.dimension, s.sum, s.answered, count(*)::int AS count
       FROM responses.response r
       CROSS JOIN LATERAL (
         SELECT i.dimension, coalesce(sum(CASE WHEN i.reverse THEN i.mirror - a.value ELSE a.value END), 0) AS sum, count(a.value)::int AS answered
         FROM unnest($2::text[], $3::text[], $4::boolean[], $5::int[]) AS i(name, dimension, reverse, mirror)
         CROSS JOIN LATERAL (SELECT (r.answers ->> i.name)::numeric AS value) a
         GROUP BY i.dimension) s
       WHERE r.campaign_id = $1
       GROUP BY ${ATTRIBUTE_COLUMNS}, r.reviewee_judge_id, s.dimension, s.sum, s.answered`,
      [campaignId, items.map((i) => i.name), items.map((i) => i.dimension), items.map((i) => i.reverse), items.map((i) => i.mirror)],
    );
    return rows.map((row: Record<string, unknown>) => ({
      attributes: attributesOf(row),
      revieweeJudgeId: row.reviewee_judge_id as string | null,
      dimension: row.dimension as string,
      sum: Number(row.sum),
      answered: row.answered as number,
      count: row.count as number,
    }));
  }

  async raterTally(campaignId: string): Promise<RaterTallyCount[]> {
    const rows = await this.db.query(
      `SELECT rater_gender, judge_gender, competency, point, count FROM responses.peer_rating_tally WHERE campaign_id = $1
       ORDER BY rater_gender, judge_gender, competency, point`,
      [campaignId],
    );
    return rows.map((row: Record<string, unknown>) => ({
      raterGender: row.rater_gender as string,
      judgeGender: row.judge_gender as string,
      competency: row.competency as string,
      point: row.point as number,
      count: row.count as number,
    }));
  }

  /**
   * Free-text answers to `questions`, without any attribute: for moderation and for comment
   * lists shown without demographic tags (ANONYMITY.md G). The response id identifies the
   * answer, never a person (UUIDv4, rewritten at close).
   */
  async freeTextAnswers(campaignId: string, questions: readonly string[]): Promise<{ responseId: string; question: string; text: string }[]> {
    const rows = await this.db.query(
      `SELECT r.id, q.name AS question, r.answers ->> q.name AS text
       FROM responses.response r CROSS JOIN unnest($2::text[]) AS q(name)
       WHERE r.campaign_id = $1 AND coalesce(btrim(r.answers ->> q.name), '') <> ''`,
      [campaignId, questions],
    );
    return rows.map((row: { id: string; question: string; text: string }) => ({ responseId: row.id, question: row.question, text: row.text }));
  }
}
