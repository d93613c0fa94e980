import { Model, Serializer } from 'survey-core';
import { registerReportingProperties } from './reporting-properties';

/** survey-core's metadata with our reporting properties registered (idempotent). */
export function surveySerializer(): typeof Serializer {
  registerReportingProperties(Serializer);
  return Serializer;
}

/**
 * A survey-core model of a definition, with our reporting properties registered first.
 * Error texts are English; the api words problems itself.
 */
export function surveyModel(definition: object): Model {
  surveySerializer();
  const model = new Model(definition);
  model.locale = 'en';
  return model;
}
