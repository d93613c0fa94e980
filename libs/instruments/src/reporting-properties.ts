import type { IJsonPropertyInfo, JsonMetadata } from 'survey-core';
import { DIMENSION_CODES } from './dimensions';

/**
 * The custom question properties reporting reads (PRODUCT.md 4.2), as SurveyJS property
 * definitions. Every place that loads a definition into survey-core must register them
 * first, or survey-core reports them as unknown properties: the server (validation,
 * reporting) and, later, the respondent page and the form designer in the browser.
 *
 * - `dimension`: the code of what the question measures (see dimensions.ts).
 * - `reverse`: a rating where agreeing is the unfavourable answer; reporting scores it
 *   as `min + max - value`.
 * - `sensitive`: answers that need extra care before anyone reads them, for example a
 *   comment about a named colleague in a peer review.
 */
export const REPORTING_PROPERTIES: readonly IJsonPropertyInfo[] = [
  { name: 'dimension', type: 'dropdown', choices: [...DIMENSION_CODES], category: 'reporting' },
  { name: 'reverse:boolean', default: false, category: 'reporting' },
  { name: 'sensitive:boolean', default: false, category: 'reporting' },
];

/**
 * Registers the reporting properties on SurveyJS's `question` class. Takes the
 * serializer as an argument and imports nothing at run time, so browser code can call it
 * with its own copy of survey-core; calling it twice changes nothing.
 */
export function registerReportingProperties(serializer: JsonMetadata): void {
  for (const property of REPORTING_PROPERTIES) {
    const name = property.name.split(':')[0];
    if (!serializer.findProperty('question', name)) serializer.addProperty('question', { ...property });
  }
}
