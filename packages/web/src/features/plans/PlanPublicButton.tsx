import { App, Button, Modal, Space, Switch, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { api, type PlanDetailDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useT } from '../../i18n/i18n.js';

/**
 * The planner's switches for a published plan: 公示 (the public page and its link) and whether values in
 * bulk are accepted directly. The server decides both; this shows what it answered.
 */
export function PlanPublicButton({
  plan,
  onChanged,
}: {
  plan: PlanDetailDto;
  onChanged: (plan: PlanDetailDto) => void;
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [publicId, setPublicId] = useState(plan.publicId);
  const link = publicId ? `${window.location.origin}/public/${publicId}` : null;
  const setPublic = async (on: boolean): Promise<void> => {
    try {
      setPublicId((await api.setPlanPublic({ params: { planId: plan.id }, body: { public: on } })).publicId);
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  const setBulk = async (on: boolean): Promise<void> => {
    try {
      onChanged(await api.updatePlan(plan.id, plan.version, { settings: { bulkValuesAccepted: on } }));
    } catch (error) {
      void message.error(errorMessage(error, t));
    }
  };
  return (
    <>
      <Button
        onClick={() => {
          setOpen(true);
        }}
      >
        {t('planPublic.button')}
      </Button>
      {open ? (
        <Modal
          open
          title={t('planPublic.button')}
          footer={null}
          onCancel={() => {
            setOpen(false);
          }}
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Space>
              <Switch
                checked={publicId !== null}
                onChange={(on) => void setPublic(on)}
                aria-label={t('planPublic.public')}
              />
              {t('planPublic.public')}
            </Space>
            {link ? (
              <Typography.Paragraph copyable={{ text: link }}>
                <a href={link} target="_blank" rel="noreferrer">
                  {link}
                </a>
              </Typography.Paragraph>
            ) : (
              <Typography.Text type="secondary">{t('planPublic.hint')}</Typography.Text>
            )}
            <Space>
              <Switch
                checked={plan.settings.bulkValuesAccepted}
                onChange={(on) => void setBulk(on)}
                aria-label={t('planPublic.bulk')}
              />
              {t('planPublic.bulk')}
            </Space>
          </Space>
        </Modal>
      ) : null}
    </>
  );
}
