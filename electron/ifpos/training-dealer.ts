/**
 * The TRAX dealer the IFPOS simulator plays in training mode. The IFPOS card's ShowroomID and
 * EmployeeID fall back to these in training when left empty, so a first run delivers at once; a
 * different value entered there is refused with 417, as TRAX would.
 */
export const trainingDealer = {
  showroomIds: ['SHOWROOM-1', 'SHOWROOM-2'],
  employeeIds: ['EMP-100', 'EMP-200'],
} as const;

export interface SimDealer {
  showroomIds: readonly string[];
  employeeIds: readonly string[];
}
