import { z } from 'zod';
import { Id } from './common.js';

export const Comment = z.object({
  id: Id,
  itemId: Id.nullable(),
  reportId: Id.nullable(),
  authorId: Id,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.string(),
});

export const CommentList = z.object({ comments: z.array(Comment) });
export const CreateCommentRequest = z.object({ body: z.string().trim().min(1).max(5000) });
