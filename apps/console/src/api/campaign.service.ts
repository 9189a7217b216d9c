import type { CampaignReport, CampaignRunView, CampaignStatusAction, CampaignStatusDto, CampaignView, SaveCampaignDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

export function listCampaigns(signal?: AbortSignal): Promise<CampaignView[]> {
  return http.json<CampaignView[]>(apiRoutes.staffCampaigns, { signal });
}

/** A new campaign is a draft until it is launched. */
export function createCampaign(body: SaveCampaignDto): Promise<CampaignView> {
  return http.json<CampaignView>(apiRoutes.staffCampaigns, { method: 'POST', body });
}

/** A full replacement; once launched only the name, budgets and end may change (409 CAMPAIGN_LOCKED otherwise). */
export function updateCampaign(id: string, body: SaveCampaignDto): Promise<CampaignView> {
  return http.json<CampaignView>(apiRoutes.staffCampaign(id), { method: 'PUT', body });
}

/** Launch a draft, pause, resume or end (409 CAMPAIGN_STATUS_INVALID when the status does not allow it). */
export function setCampaignStatus(id: string, action: CampaignStatusAction): Promise<CampaignView> {
  const body: CampaignStatusDto = { action };
  return http.json<CampaignView>(apiRoutes.staffCampaignStatus(id), { method: 'POST', body });
}

/** Every run of the campaign (one for a one-off, one per business day for a journey), newest first. */
export function listCampaignRuns(id: string, signal?: AbortSignal): Promise<CampaignRunView[]> {
  return http.json<CampaignRunView[]>(apiRoutes.staffCampaignRuns(id), { signal });
}

export function getCampaignReport(id: string, signal?: AbortSignal): Promise<CampaignReport> {
  return http.json<CampaignReport>(apiRoutes.staffCampaignReport(id), { signal });
}

/** The report as `.xlsx`; fetched with the bearer token, so not a plain link. */
export function downloadCampaignReport(id: string, signal?: AbortSignal): Promise<Blob> {
  return http.blob(apiRoutes.staffCampaignReportExport(id), { signal });
}

export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  runs: (id: string) => ['campaigns', 'runs', id] as const,
  report: (id: string) => ['campaigns', 'report', id] as const,
};
