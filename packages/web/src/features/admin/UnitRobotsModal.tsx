import { ROBOT_KINDS, type UnitRobot, type UnitRobotView } from '@yaodian/core';
import { App, Checkbox, Divider, Form, Input, Modal, Switch, Typography } from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { api, type UnitDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useT } from '../../i18n/i18n.js';

type Kind = (typeof ROBOT_KINDS)[number];

interface Draft {
  webhookUrl: string;
  enabled: boolean;
  /** A new secret; empty keeps the stored one. */
  secret: string;
  hasSecret: boolean;
  clearSecret: boolean;
}

const emptyDraft = (): Draft => ({
  webhookUrl: '',
  enabled: true,
  secret: '',
  hasSecret: false,
  clearSecret: false,
});

function draftsOf(robots: readonly UnitRobotView[]): Record<Kind, Draft> {
  const drafts = { wecom: emptyDraft(), dingtalk: emptyDraft() };
  for (const r of robots)
    drafts[r.kind] = {
      ...emptyDraft(),
      webhookUrl: r.webhookUrl,
      enabled: r.enabled,
      hasSecret: r.hasSecret,
    };
  return drafts;
}

/** What the PUT sends: a robot per kind with an address; the secret only when it changes. */
function bodyOf(drafts: Record<Kind, Draft>): UnitRobot[] {
  return ROBOT_KINDS.filter((kind) => drafts[kind].webhookUrl.trim() !== '').map((kind) => {
    const d = drafts[kind];
    const robot: UnitRobot = { kind, webhookUrl: d.webhookUrl.trim(), enabled: d.enabled };
    if (d.secret.trim()) robot.secret = d.secret.trim();
    else if (d.clearSecret) robot.secret = null;
    return robot;
  });
}

/**
 * A unit's WeCom and DingTalk group robots, where its reminders are also posted. The signing secret is
 * written, never shown again: the form says whether one is stored and keeps it unless a new one is typed.
 */
export function UnitRobotsModal({ unit, onClose }: { unit: UnitDto | null; onClose: () => void }): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [drafts, setDrafts] = useState<Record<Kind, Draft> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setDrafts(null);
    setError(null);
    if (!unit) return;
    api.unitRobots({ params: { unitId: unit.id } }).then(
      (answer) => {
        setDrafts(draftsOf(answer.robots));
      },
      (e: unknown) => {
        setError(e);
      },
    );
  }, [unit]);

  const save = async (): Promise<void> => {
    if (!unit || !drafts) return;
    setSaving(true);
    try {
      await api.updateUnitRobots({ params: { unitId: unit.id }, body: { robots: bodyOf(drafts) } });
      void message.success(t('common.saved'));
      onClose();
    } catch (e) {
      void message.error(errorMessage(e, t));
    } finally {
      setSaving(false);
    }
  };

  const edit = (kind: Kind, change: Partial<Draft>): void => {
    if (drafts) setDrafts({ ...drafts, [kind]: { ...drafts[kind], ...change } });
  };

  return (
    <Modal
      open={unit !== null}
      title={unit ? t('robots.title', { unit: unit.name }) : ''}
      onCancel={onClose}
      onOk={() => void save()}
      okText={t('common.save')}
      okButtonProps={{ loading: saving, disabled: !drafts }}
      width={620}
    >
      <ErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('robots.explain')}</Typography.Paragraph>
      {drafts
        ? ROBOT_KINDS.map((kind) => (
            <div key={kind}>
              <Divider titlePlacement="start" plain>
                {t(`reminders.channel.${kind}`)}
              </Divider>
              <Form layout="vertical">
                <Form.Item label={t('robots.webhook')} htmlFor={`robot-${kind}-url`}>
                  <Input
                    id={`robot-${kind}-url`}
                    value={drafts[kind].webhookUrl}
                    placeholder={t(`robots.placeholder.${kind}`)}
                    onChange={(e) => {
                      edit(kind, { webhookUrl: e.target.value });
                    }}
                  />
                </Form.Item>
                {kind === 'dingtalk' ? (
                  <Form.Item
                    label={t('robots.secret')}
                    htmlFor="robot-dingtalk-secret"
                    extra={t('robots.secretHelp')}
                  >
                    <Input.Password
                      id="robot-dingtalk-secret"
                      autoComplete="new-password"
                      value={drafts[kind].secret}
                      placeholder={drafts[kind].hasSecret ? t('robots.secretKept') : ''}
                      onChange={(e) => {
                        edit(kind, { secret: e.target.value });
                      }}
                    />
                    {drafts[kind].hasSecret ? (
                      <Checkbox
                        checked={drafts[kind].clearSecret}
                        onChange={(e) => {
                          edit(kind, { clearSecret: e.target.checked });
                        }}
                      >
                        {t('robots.clearSecret')}
                      </Checkbox>
                    ) : null}
                  </Form.Item>
                ) : null}
                <Form.Item label={t('robots.enabled')}>
                  <Switch
                    checked={drafts[kind].enabled}
                    onChange={(enabled) => {
                      edit(kind, { enabled });
                    }}
                  />
                </Form.Item>
              </Form>
            </div>
          ))
        : null}
    </Modal>
  );
}
