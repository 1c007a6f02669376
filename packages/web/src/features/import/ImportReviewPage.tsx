import { CheckCircleOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Empty,
  Popconfirm,
  Row,
  Space,
  Tag,
  Tree,
  Typography,
} from 'antd';
import type { PublishFindingDto } from '@yaodian/core';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, planSource, type PlanDetailDto } from '../../api/endpoints.js';
import { ApiError } from '../../api/api-error.js';
import { errorMessage } from '../../api/error-message.js';
import { useLoad } from '../../api/use-load.js';
import { useAuth } from '../../auth/auth.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/i18n.js';
import { allIds, buildTree, type TreeDatum, type TreeNode } from '../plans/tree.js';
import { ItemEditor } from './ItemEditor.js';
import { PublishChecklist } from './PublishChecklist.js';
import { SourcePane } from './SourcePane.js';
import { textFromItems } from './source-text.js';
import { UnmatchedPanel } from './UnmatchedPanel.js';
import { YearLinksPanel } from './YearLinksPanel.js';

export function ImportReviewPage(): ReactNode {
  const t = useT();
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { allowed } = useAuth();
  const plan = useLoad(() => api.plan(planId), [planId]);
  const units = useLoad(() => api.units(), []);
  const source = useLoad(() => planSource(planId).catch(() => null), [planId]);
  const [selected, setSelected] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const data = plan.data;
  const editable = Boolean(data && data.status === 'draft' && allowed('plan.edit'));
  const tree = useMemo(() => buildTree(data?.items ?? []), [data]);
  const fallback = useMemo(() => textFromItems(data?.items ?? []), [data]);
  const item = data?.items.find((i) => i.id === selected);
  const text = source.data ?? fallback.text;
  const span = item ? (source.data ? item.source : (fallback.spans.get(item.id) ?? null)) : null;
  // The server's count of what publishing makes a task (the stored flag).
  const taskCount = data?.taskCount ?? 0;
  const [findings, setFindings] = useState<PublishFindingDto[] | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const checkable = Boolean(data && data.status === 'draft' && allowed('plan.publish'));
  // The check follows every change of the plan (each write answers with the whole plan).
  useEffect(() => {
    if (!checkable || !data) return;
    let live = true;
    api
      .publishCheck(data.id)
      .then((next) => {
        if (live) setFindings(next);
      })
      .catch(() => {
        if (live) setFindings(null);
      });
    return () => {
      live = false;
    };
  }, [checkable, data]);

  const run = async (write: () => Promise<PlanDetailDto>): Promise<void> => {
    setBusy(true);
    try {
      plan.set(await write());
    } catch (error) {
      void message.error(errorMessage(error, t));
      if (error instanceof ApiError && (error.code === 'version_conflict' || error.code === 'not_found'))
        plan.reload();
    } finally {
      setBusy(false);
    }
  };

  const publish = async (): Promise<void> => {
    if (!data) return;
    const waivers = (findings ?? [])
      .filter((f) => (reasons[f.key] ?? '').trim().length > 0)
      .map((f) => ({ key: f.key, reason: (reasons[f.key] ?? '').trim() }));
    setBusy(true);
    try {
      await api.publishPlan(data.id, data.version, waivers);
      void message.success(t('importReview.published'));
      void navigate(`/plans/${data.id}`);
    } catch (error) {
      void message.error(errorMessage(error, t));
      if (error instanceof ApiError && error.code === 'publish_findings')
        setFindings(await api.publishCheck(data.id).catch(() => findings));
      else if (error instanceof ApiError && error.code === 'version_conflict') plan.reload();
    } finally {
      setBusy(false);
    }
  };

  const toTreeData = (nodes: TreeNode[]): TreeDatum[] =>
    nodes.map((node) => ({
      key: node.item.id,
      title: (
        <span className="yd-tree-title">
          <Typography.Text
            strong={!node.item.isTask}
          >{`${node.item.number} ${node.item.title}`}</Typography.Text>
          {node.item.assignments
            .filter((a) => !a.inherited)
            .map((a) => (
              <Tag
                key={`${a.unitId}:${a.role}`}
                color={a.role === 'lead' ? 'red' : 'blue'}
                style={{ marginInlineEnd: 0 }}
              >
                {a.unitName}
              </Tag>
            ))}
          {node.item.unmatchedUnits.map((u) => (
            <Tag key={u.name} color="orange" icon={<ExclamationCircleOutlined />}>
              {u.name}
            </Tag>
          ))}
          {node.item.targets.length ? (
            <Tag color="purple">{`${t('importReview.targets')} ${node.item.targets.length}`}</Tag>
          ) : null}
        </span>
      ),
      children: toTreeData(node.children),
    }));

  return (
    <>
      <PageHeader
        title={data ? `${t('importReview.title')} · ${data.title}` : t('importReview.title')}
        sub={
          data
            ? `${data.sourceFileName ?? ''} · ${t('importReview.items', { n: data.items.length, t: taskCount })}`
            : undefined
        }
        extra={
          editable && data ? (
            <Space>
              <Button icon={<SyncOutlined />} onClick={() => void run(() => api.rematch(data.id))}>
                {t('importReview.rematch')}
              </Button>
              <Popconfirm title={t('importReview.publishConfirm')} onConfirm={() => void publish()}>
                <Button type="primary" icon={<CheckCircleOutlined />} loading={busy}>
                  {t('importReview.publish')}
                </Button>
              </Popconfirm>
            </Space>
          ) : null
        }
      />
      <ErrorAlert error={plan.error} onRetry={plan.reload} />
      {data && !editable ? (
        <Alert type="info" showIcon title={t('importReview.readOnly')} style={{ marginBottom: 16 }} />
      ) : null}
      {data && data.warnings.length > 0 ? (
        <Collapse
          className="yd-card"
          items={[
            {
              key: 'w',
              label: (
                <Space>
                  <ExclamationCircleOutlined style={{ color: '#faad14' }} />
                  {`${t('importReview.warnings')} (${data.warnings.length})`}
                </Space>
              ),
              children: (
                <ul style={{ margin: 0, paddingLeft: 20 }} data-testid="warnings">
                  {data.warnings.map((w, i) => (
                    <li key={`${w.code}:${i}`}>
                      <Typography.Text code>{w.code}</Typography.Text> {w.message}
                    </li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      ) : null}
      {checkable ? (
        <PublishChecklist
          findings={findings}
          reasons={reasons}
          editable={editable}
          onReason={(key, reason) => {
            setReasons((r) => ({ ...r, [key]: reason }));
          }}
          onSelect={setSelected}
        />
      ) : null}
      {data ? (
        <UnmatchedPanel
          plan={data}
          units={units.data ?? []}
          editable={editable}
          onPlan={plan.set}
          onUnitsChanged={units.reload}
        />
      ) : null}
      {data && allowed('plan.edit') ? (
        <YearLinksPanel
          planId={data.id}
          editable={editable}
          draft={data.status === 'draft'}
          onPlanChanged={plan.reload}
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={11}>
          <Card size="small" title={t('importReview.sourceText')} loading={plan.loading}>
            <SourcePane text={text} span={span} label={t('importReview.sourceText')} />
          </Card>
        </Col>
        <Col xs={24} lg={13}>
          <Card size="small" title={t('importReview.tree')} loading={plan.loading}>
            <div
              className="yd-pane"
              style={{ height: item ? 'calc(50vh - 120px)' : undefined }}
              data-testid="item-tree"
            >
              {tree.length ? (
                <Tree
                  key={data?.id}
                  blockNode
                  showLine
                  defaultExpandedKeys={allIds(tree)}
                  selectedKeys={selected ? [selected] : []}
                  treeData={toTreeData(tree)}
                  onSelect={(keys) => {
                    setSelected(keys[0] ? String(keys[0]) : null);
                  }}
                />
              ) : (
                <Empty />
              )}
            </div>
          </Card>
          <div style={{ marginTop: 16 }}>
            {item && data ? (
              <ItemEditor
                key={item.id}
                plan={data}
                item={item}
                units={units.data ?? []}
                editable={editable}
                run={run}
              />
            ) : (
              <Alert type="info" title={t('importReview.selectItem')} />
            )}
          </div>
        </Col>
      </Row>
    </>
  );
}
