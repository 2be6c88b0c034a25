/** Refusals that a view answers with more than a message (see components/NoteCard.tsx). */

/** The note changed in another view since this editor opened: both texts must stay visible. */
export const EDIT_CONFLICT = 'This note was changed in another view while you were editing it.';
