import type { PolicyRepository } from '../policies/policy.repository.js';
import type { ImprovementService } from '../metrics/improvement.service.js';
import type { MeasuresService } from '../metrics/measures.service.js';
import type { AnnualReportSources } from './annual-report.service.js';

/** The report's sources from the services the composition root made: all tenures, no filter. */
export function annualReportSources(deps: {
  readonly measures: MeasuresService;
  readonly improvements: ImprovementService;
  /** Reads policies (from the replica's connection, when reports read from one). */
  readonly policies: PolicyRepository;
  readonly defaultPolicyId: string;
}): AnnualReportSources {
  return {
    tsm: (by, year, tenure) => deps.measures.tsmReport(by, year, tenure),
    measures: (by, year) => deps.measures.measures(by, year, {}),
    improvements: (by, year) => deps.improvements.list(by, year),
    policyVersion: (id, version) => deps.policies.findVersion(id, version),
    currentPolicy: (id) => deps.policies.findCurrent(id),
    defaultPolicyId: deps.defaultPolicyId,
  };
}
