import { useState } from 'react';
import type { Criteria } from './parts-store';
import { useLists, useMakes, useModels } from './queries';

/** The list entry a typed value names (ignoring case and spaces around), in the list's own spelling. */
export function entryNamed(options: readonly string[] | undefined, typed: string): string | null {
  const t = typed.trim().toLowerCase();
  if (t === '') return null;
  return options?.find((o) => o.trim().toLowerCase() === t) ?? null;
}

/**
 * Makes for a part type and models for a make are asked for once the part type or make is chosen
 * (typed in full as the list has it, or left for the next field), never per letter; the field's
 * own list then narrows them locally as the clerk types.
 */
export function usePickerLists(c: Criteria) {
  const lists = useLists();
  const [makesFor, setMakesFor] = useState<string | null>(null);
  const [modelsFor, setModelsFor] = useState<{ partType: string; make: string } | null>(null);
  const makes = useMakes(makesFor);
  const models = useModels(modelsFor);
  const partTypes = lists.data?.partTypes.map((p) => p.name);
  const spell = (options: string[] | undefined, typed: string) => entryNamed(options, typed) ?? typed.trim();
  const chooseType = (typed: string) => setMakesFor(spell(partTypes, typed));
  const chooseMake = (partType: string, typed: string) => {
    if (typed.trim() === '') return;
    setModelsFor({ partType: spell(partTypes, partType), make: spell(makes.data?.names, typed) });
  };
  return {
    lists,
    makes,
    models,
    /** As the part type is typed: a list entry typed in full is chosen. */
    typedPartType: (v: string) => entryNamed(partTypes, v) !== null && chooseType(v),
    typedMake: (v: string) => entryNamed(makes.data?.names, v) !== null && chooseMake(c.partType, v),
    /** Entering the make field chooses the part type; entering the model field chooses the make. */
    enteredMake: () => chooseType(c.partType),
    enteredModel: () => (chooseType(c.partType), chooseMake(c.partType, c.make)),
  };
}
