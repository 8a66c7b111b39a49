import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SheetSettings, SheetSettingsPatch } from '../../../shared/trax-retail/contract';
import type { UseCaseId } from '../../../shared/trax-retail/use-cases';
import { api, unwrap } from '../../api/bridge';

export const sheetKeys = {
  all: ['product-sheets'] as const,
  drafts: () => [...sheetKeys.all, 'drafts'] as const,
  settings: () => [...sheetKeys.all, 'settings'] as const,
  preview: (draftId: string, name: string) => [...sheetKeys.all, 'preview', draftId, name] as const,
};

export const useDrafts = () => useQuery({ queryKey: sheetKeys.drafts(), queryFn: () => unwrap(api.sheets.listDrafts({})) });
export const useSheetSettings = () => useQuery({ queryKey: sheetKeys.settings(), queryFn: () => unwrap(api.sheets.getSettings({})) });

/**
 * Saves only the settings given (the main process merges them), so two quick saves never undo each
 * other; an answer older than the one shown (a lower revision) is not shown.
 */
export function useSaveSheetSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (patch: SheetSettingsPatch) => unwrap(api.sheets.saveSettings(patch)),
    onSuccess: (s) => qc.setQueryData<SheetSettings>(sheetKeys.settings(), (old) => (old && old.revision > s.revision ? old : s)),
  });
}

export function useCreateDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; useCases: UseCaseId[] }) => unwrap(api.sheets.createDraft(input)),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sheetKeys.drafts() }),
  });
}

export function useDeleteDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => unwrap(api.sheets.deleteDraft({ id })),
    onSuccess: () => void qc.invalidateQueries({ queryKey: sheetKeys.drafts() }),
  });
}

/** A local picture's thumbnail, as a data: address from the main process (the page never reads the disk). */
export function useImagePreview(draftId: string, name: string | null) {
  return useQuery({
    queryKey: sheetKeys.preview(draftId, name ?? ''),
    queryFn: () => unwrap(api.sheets.getImagePreview({ draftId, name: name! })),
    enabled: name !== null,
    staleTime: Infinity,
  });
}
