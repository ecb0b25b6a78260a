// The DomainError ⇄ ApplicationFailure codec is written once, beside the contracts (pure, relative imports).
export { domainDetails, domainFailure, toUpdateFailure } from '../../libs/temporal/src/domain-failure';
