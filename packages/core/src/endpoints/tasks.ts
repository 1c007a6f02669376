import { CommentList, CreateCommentRequest } from '../schemas/comments.js';
import { IdParams } from '../schemas/common.js';
import {
  MyOwed,
  TaskList,
  TaskOverview,
  TaskOverviewQuery,
  TaskPageQuery,
  TaskQuery,
} from '../schemas/tasks.js';
import { endpoint } from './define.js';

const commentErrors = [400, 403, 404] as const;

export const taskEndpoints = {
  tasks: endpoint({
    name: 'tasks',
    method: 'GET',
    path: '/api/tasks',
    tag: 'tasks',
    permission: 'task.read',
    query: TaskQuery,
    response: TaskList,
    errors: [404],
  }),
  myTasks: endpoint({
    name: 'myTasks',
    method: 'GET',
    path: '/api/my/tasks',
    tag: 'tasks',
    summary: 'Tasks assigned to the caller’s units',
    permission: 'task.read',
    query: TaskPageQuery,
    response: TaskList,
  }),
  taskOverview: endpoint({
    name: 'taskOverview',
    method: 'GET',
    path: '/api/tasks/overview',
    tag: 'tasks',
    summary:
      'How many tasks of published plans there are and how many lag (overdue or behind); mine: the caller’s units’',
    permission: 'task.read',
    query: TaskOverviewQuery,
    response: TaskOverview,
  }),
  myOwed: endpoint({
    name: 'myOwed',
    method: 'GET',
    path: '/api/my/owed',
    tag: 'tasks',
    summary:
      'What the caller’s units owe for each published plan’s current period, with the counts and returned reports',
    permission: 'task.read',
    response: MyOwed,
  }),
} as const;

export const commentEndpoints = {
  comments: endpoint({
    name: 'comments',
    method: 'GET',
    path: '/api/tasks/:id/comments',
    tag: 'comments',
    permission: 'task.read',
    params: IdParams,
    response: CommentList,
    errors: commentErrors,
  }),
  addComment: endpoint({
    name: 'addComment',
    method: 'POST',
    path: '/api/tasks/:id/comments',
    tag: 'comments',
    permission: 'comment.write',
    params: IdParams,
    body: CreateCommentRequest,
    response: CommentList,
    status: 201,
    errors: commentErrors,
  }),
  reportComments: endpoint({
    name: 'reportComments',
    method: 'GET',
    path: '/api/reports/:id/comments',
    tag: 'comments',
    permission: 'task.read',
    params: IdParams,
    response: CommentList,
    errors: commentErrors,
  }),
  addReportComment: endpoint({
    name: 'addReportComment',
    method: 'POST',
    path: '/api/reports/:id/comments',
    tag: 'comments',
    permission: 'comment.write',
    params: IdParams,
    body: CreateCommentRequest,
    response: CommentList,
    status: 201,
    errors: commentErrors,
  }),
} as const;
