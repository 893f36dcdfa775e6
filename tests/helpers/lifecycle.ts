import type { ComplaintStatus } from '@/lib/domain/statuses';
import type { TransitionInput } from '@/lib/lifecycle/types';

/** The proof a resolution needs. */
export const PROOF = {
  photoUrls: ['https://photos.example.org/fix/1.jpg'],
  answer: 'Работы выполнены, заявитель уведомлён',
} as const;

/** A transition with the fields its status requires (proof for resolved, a reason for rejected). */
export function transitionTo(complaintId: number, status: ComplaintStatus, at?: string): TransitionInput {
  return {
    complaintId,
    status,
    ...(at ? { at } : {}),
    ...(status === 'resolved' ? { photoUrls: [...PROOF.photoUrls], answer: PROOF.answer } : {}),
    ...(status === 'rejected' ? { reason: 'spam' as const } : {}),
  };
}

/** The status intake gave a created complaint. */
export function intakeStatus(result: { complaintStatus?: 'new' | 'routed' }): ComplaintStatus {
  return result.complaintStatus ?? 'new';
}
