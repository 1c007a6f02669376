import { DeleteOutlined, PaperClipOutlined, UploadOutlined } from '@ant-design/icons';
import { Button, Flex, Form, Popconfirm, Upload } from 'antd';
import type { ReactNode } from 'react';
import { api } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';

/** An attachment as the list shows it. */
type AttachmentDto = Awaited<ReturnType<typeof api.attachments>>[number];

interface Props {
  attachments: readonly AttachmentDto[];
  editable: boolean;
  evidenceRequired: boolean;
  /** Uploads one picked file (a new report is saved as a draft first). */
  uploadFile: (file: File) => Promise<void>;
  removeAttachment: (id: string) => Promise<void>;
}

/** The report's evidence: pick files at any time, see and remove those attached. */
export function EvidenceField({
  attachments,
  editable,
  evidenceRequired,
  uploadFile,
  removeAttachment,
}: Props): ReactNode {
  const t = useT();
  return (
    <Form.Item
      label={t('report.evidence')}
      required={evidenceRequired}
      extra={evidenceRequired ? t('report.evidenceRequired') : undefined}
    >
      <Upload
        multiple
        showUploadList={false}
        beforeUpload={(file) => {
          void uploadFile(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />}>{t('report.upload')}</Button>
      </Upload>
      <div style={{ marginTop: 8 }} data-testid="attachments">
        {attachments.map((a) => (
          <Flex key={a.id} gap={8} align="center">
            <a href={api.attachmentUrl(a.id)}>
              <PaperClipOutlined /> {a.fileName}
            </a>
            {editable ? (
              <Popconfirm
                title={t('report.removeAttachmentConfirm', { name: a.fileName })}
                onConfirm={() => {
                  void removeAttachment(a.id);
                }}
              >
                <Button
                  size="small"
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`${t('report.removeAttachment')} ${a.fileName}`}
                />
              </Popconfirm>
            ) : null}
          </Flex>
        ))}
      </div>
    </Form.Item>
  );
}
