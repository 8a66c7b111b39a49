import { AppFrame } from './pages/app-frame';
import { IfposSchemaPanel } from './pages/ifpos-schema-panel';
import { expect, test } from './fixtures/test';

const officialLike = JSON.stringify({
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cdn.etraxsales.com/resources/IFPOSv1-Schema.json',
  title: 'IFPOSv1 test schema',
  type: 'object',
  required: ['APIKey', 'SaleID', 'StoreNumber'],
});

test('the official schema file is loaded, validates the sample payload, survives a reload and can be cleared', async ({ page }, testInfo) => {
  const panel = new IfposSchemaPanel(page);
  await new AppFrame(page).go('connections');
  await expect(panel.source).toHaveText('The app’s own IFPOS model (bundled)');
  await expect(panel.draft).toHaveText('draft-07');
  await expect(panel.moneyModel).toContainText('without tax or delivery');
  await expect(panel.moneyModel).toContainText('credit lines');

  await panel.loadFile('IFPOSv1-Schema.json', officialLike);
  await expect(panel.source).toHaveText('Loaded file: IFPOSv1-Schema.json');
  await expect(panel.title).toHaveText('IFPOSv1 test schema');
  await expect(panel.draft).toHaveText('2020-12');
  await expect(panel.summary).toContainText('validated against the loaded schema file (IFPOSv1-Schema.json)');
  await expect(panel.error).toHaveCount(0);

  await panel.openPreview();
  await expect(panel.previewVerdict).toHaveText('The active schema refuses this sample:');
  await expect(panel.previewProblems).toContainText('the payload: is missing the field "StoreNumber"');
  await panel.root.screenshot({ path: testInfo.outputPath('ifpos-schema-panel.png') });

  await page.reload();
  await expect(page.getByTestId('app-ready')).toBeVisible();
  await new AppFrame(page).go('connections');
  await expect(panel.source).toHaveText('Loaded file: IFPOSv1-Schema.json');

  await panel.clear();
  await expect(panel.source).toHaveText('The app’s own IFPOS model (bundled)');
  await panel.openPreview();
  await expect(panel.previewVerdict).toHaveText('The active schema accepts this sample.');
});

test('a file that is not JSON, or not a usable schema, is refused with the specific problem', async ({ page, shell }) => {
  const panel = new IfposSchemaPanel(page);
  await new AppFrame(page).go('connections');
  await panel.loadFile('garbage.json', 'this is not { json');
  await expect(panel.error).toContainText('“garbage.json” cannot be used: The file is not valid JSON.');
  await expect(panel.error.locator('li')).toContainText(/JSON/);
  await expect(panel.source).toHaveText('The app’s own IFPOS model (bundled)');

  await panel.loadFile('broken-schema.json', JSON.stringify({ type: 'objekt' }));
  await expect(panel.error).toContainText('“broken-schema.json” cannot be used: The schema could not be compiled.');
  await expect(panel.error.locator('li').first()).toContainText('In the schema, type: must be one of');

  await panel.loadFile('IFPOSv1-Schema.json', officialLike);
  await expect(panel.source).toHaveText('Loaded file: IFPOSv1-Schema.json');
  await expect(panel.error).toHaveCount(0);
  const status = await shell.call<{ source: string }>('ifpos:get-schema-status');
  expect(status).toMatchObject({ ok: true, value: { source: 'file' } });
});
