export * from './assignment.types';
export * from './assignment.errors';
export { resolveAssignmentOptions } from './assignment-input';
export { inPresidentConflict } from './eligibility';
export { INFEASIBILITY_TEXT, describeInfeasibility } from './infeasibility-text';
export { checkPeerReviewFeasibility, planPeerReview, requirePeerReviewPlan } from './plan-peer-review';
