import { AGGREGATION_ENTITIES } from '@app/aggregation';
import { AUTH_ENTITIES } from '@app/auth';
import { CAMPAIGN_ENTITIES } from '@app/campaigns';
import { INSTRUMENTS_ENTITIES } from '@app/instruments';
import { REGISTRY_ENTITIES } from '@app/registry';
import { REPORTS_ENTITIES } from '@app/reports';
import { RESPONSES_ENTITIES } from '@app/responses';

/** Every entity of the evaluation side, for migrations and the entity/migration agreement check. */
export const EVALUATION_ENTITIES = [...AUTH_ENTITIES, ...REGISTRY_ENTITIES, ...INSTRUMENTS_ENTITIES, ...CAMPAIGN_ENTITIES, ...RESPONSES_ENTITIES, ...AGGREGATION_ENTITIES, ...REPORTS_ENTITIES];
