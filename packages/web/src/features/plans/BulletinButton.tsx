import { FileWordOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState, type ReactNode } from 'react';
import { api, type PeriodDto } from '../../api/endpoints.js';
import { errorMessage } from '../../api/error-message.js';
import { useT } from '../../i18n/i18n.js';

/** The period a bulletin is usually for: the latest one already due, else the first. */
function defaultPeriod(periods: readonly PeriodDto[]): string | undefined {
  const today = dayjs().format('YYYY-MM-DD');
  return (periods.filter((p) => p.dueOn <= today).at(-1) ?? periods[0])?.id;
}

/**
 * 生成通报: pick a reporting period (and the document number, if the office has assigned one) and download the
 * period's 通报 as the server writes it. Shown to those who may issue one.
 */
export function BulletinButton({
  planId,
  periods,
}: {
  planId: string;
  periods: readonly PeriodDto[];
}): ReactNode {
  const t = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [periodId, setPeriodId] = useState<string | undefined>();
  const [docNumber, setDocNumber] = useState('');
  const [busy, setBusy] = useState(false);

  const generate = async (): Promise<void> => {
    if (!periodId) return;
    setBusy(true);
    try {
      await api.downloadBulletin(planId, periodId, docNumber.trim() || undefined, t('bulletin.fallbackName'));
      void message.success(t('bulletin.done'));
      setOpen(false);
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        icon={<FileWordOutlined />}
        onClick={() => {
          setPeriodId(defaultPeriod(periods));
          setOpen(true);
        }}
      >
        {t('bulletin.open')}
      </Button>
      <Modal
        open={open}
        title={t('bulletin.title')}
        okText={t('bulletin.generate')}
        onOk={() => void generate()}
        onCancel={() => {
          setOpen(false);
        }}
        okButtonProps={{ loading: busy, disabled: !periodId }}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t('bulletin.hint')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('bulletin.period')} htmlFor="bulletin-period">
            <Select
              id="bulletin-period"
              value={periodId}
              onChange={setPeriodId}
              options={periods.map((p) => ({ value: p.id, label: p.label }))}
            />
          </Form.Item>
          <Form.Item label={t('bulletin.docNumber')} htmlFor="bulletin-number">
            <Input
              id="bulletin-number"
              maxLength={40}
              placeholder={t('bulletin.docNumberPlaceholder')}
              value={docNumber}
              onChange={(e) => {
                setDocNumber(e.target.value);
              }}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
