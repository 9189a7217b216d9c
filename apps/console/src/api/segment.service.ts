import type { SaveSegmentDto, SegmentNode, SegmentPreviewView, SegmentRuleDto, SegmentView } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** Saved segments with the audience at their last count and how many campaigns use each. */
export function listSegments(signal?: AbortSignal): Promise<SegmentView[]> {
  return http.json<SegmentView[]>(apiRoutes.staffSegments, { signal });
}

/** The live audience of a rule being edited: the count, a sample and the rule in Chinese (400 SEGMENT_INVALID otherwise). */
export function previewSegment(rule: SegmentNode, signal?: AbortSignal): Promise<SegmentPreviewView> {
  const body: SegmentRuleDto = { rule };
  return http.json<SegmentPreviewView>(apiRoutes.staffSegmentPreview, { method: 'POST', body, signal });
}

export function createSegment(body: SaveSegmentDto): Promise<SegmentView> {
  return http.json<SegmentView>(apiRoutes.staffSegments, { method: 'POST', body });
}

export function updateSegment(id: string, body: SaveSegmentDto): Promise<SegmentView> {
  return http.json<SegmentView>(apiRoutes.staffSegment(id), { method: 'PUT', body });
}

/** A segment a campaign still uses is refused (409 SEGMENT_IN_USE). */
export function deleteSegment(id: string): Promise<void> {
  return http.json<void>(apiRoutes.staffSegment(id), { method: 'DELETE' });
}

export const segmentKeys = {
  all: ['segments'] as const,
  list: ['segments', 'list'] as const,
  /** Keyed by the rule's JSON text, so an unchanged rule is counted once. */
  preview: (ruleText: string) => ['segments', 'preview', ruleText] as const,
};
