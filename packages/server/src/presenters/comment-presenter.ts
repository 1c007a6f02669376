import type { CommentView } from '../repositories/comment-repository.js';

/** The fields a comment shows: id, itemId or reportId, authorId, authorName, body, createdAt. */
export function presentComment(c: CommentView) {
  return {
    id: c.id,
    itemId: c.item_id,
    reportId: c.report_id,
    authorId: c.author_id,
    authorName: c.author_name,
    body: c.body,
    createdAt: c.created_at.toISOString(),
  };
}
