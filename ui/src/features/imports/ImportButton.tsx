import { ImportOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../api/bindings';
import { ImportWizard } from './ImportWizard';

/** 导入 on a page: opens the import wizard for one kind of list. */
export function ImportButton({ kind }: { kind: ImportKind }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button icon={<ImportOutlined />} onClick={() => setOpen(true)} data-testid="import-open">
        {t('imports.button')}
      </Button>
      {open && <ImportWizard kind={kind} onClose={() => setOpen(false)} />}
    </>
  );
}
