import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The title row of a page: breadcrumb-like title on the left, actions on the right. */
export function PageHeader({
  title,
  extra,
  sub,
}: {
  title: ReactNode;
  extra?: ReactNode;
  sub?: ReactNode;
}): ReactNode {
  return (
    <Flex className="yd-page-header" justify="space-between" align="center" wrap gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {sub ? <Typography.Text type="secondary">{sub}</Typography.Text> : null}
      </div>
      <Flex gap={8} wrap className="yd-no-print">
        {extra}
      </Flex>
    </Flex>
  );
}
