import { readFileSync } from 'node:fs';
import { expect, type Locator, type Page, test } from '@playwright/test';

/**
 * "Your stack": import a public sample, read the access matrix, open a cell's IAM trace, see the
 * findings and the gaps, play the guest flow, export and re-import; the template survives a reload.
 */
const SAMPLE = 'tests/fixtures/cfn-samples/sdk-lex-guest-broad.yaml';

test('import a sample, read the matrix, open a trace, export and re-import', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Open a template file').setInputFiles(SAMPLE);
  await expect(page.getByText(/sdk-lex-guest-broad\.yaml: \d+ resources? simulated, 1 caller,/)).toBeVisible({
    timeout: 30_000,
  });

  // The guest may use Lex on every resource: the cell says allow, and its trace names the guest scope-down.
  const cell = page.getByRole('button', { name: 'Guest of ExampleIdentityPool: Lex:* on *: allow' });
  await expect(cell).toBeVisible();
  await cell.click();
  const trace = page.getByRole('region', { name: 'IAM trace' });
  await expect(trace.getByText('Allow', { exact: true }).first()).toBeVisible();
  await expect(trace.getByText(/Cognito unauthenticated scope-down/).first()).toBeVisible();

  await expect(
    page
      .getByRole('region', { name: /Findings/ })
      .getByText('unauth-role-wildcard')
      .first(),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: /Not simulated/ }).getByText('Resources.CDKMetadata'),
  ).toBeVisible();

  // Play the guest flow against the imported pool: real GetId and GetCredentialsForIdentity calls.
  await page.getByRole('button', { name: 'Get guest credentials' }).click();
  const played = page.getByRole('status', { name: 'Played calls' });
  await expect(played.getByText(/GetCredentialsForIdentity ✓ credentials ASIA/)).toBeVisible();

  // Export, then import the export: the same callers and the same decision.
  await page.getByRole('button', { name: 'Export this stack' }).click();
  await expect(page.getByLabel('Exported template')).toHaveValue(/AWS::Cognito::IdentityPool/);
  await page.getByRole('button', { name: 'Import the exported template' }).click();
  await expect(page.getByText(/exported template: \d+ resources? simulated, 1 caller,/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(
    page.getByRole('button', { name: 'Guest of ExampleIdentityPool: Lex:* on *: allow' }),
  ).toBeVisible();

  // A reload brings the last template back from IndexedDB.
  await page.reload();
  await expect(page.getByText(/exported template: \d+ resources? simulated, 1 caller,/)).toBeVisible({
    timeout: 30_000,
  });
});

test('bad YAML gets its line and column', async ({ page }) => {
  await page.goto('/?view=stack');
  await page
    .getByLabel('Template (JSON or YAML)')
    .fill('Resources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties:\n      BucketName: !Reff x\n');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByRole('alert')).toHaveText(/Unknown YAML tag !Reff \(line 5, column \d+\)/);
});

const OFFICE_ONLY = `Resources:
  Files:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: office-files
  Alice:
    Type: AWS::IAM::User
    Properties:
      UserName: alice
      Policies:
        - PolicyName: office-only
          PolicyDocument:
            Version: '2012-10-17'
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: arn:aws:s3:::office-files/*
                Condition:
                  IpAddress:
                    aws:SourceIp: 203.0.113.0/24
`;

test('a cell whose answer turns on the request says "depends", in words, with the key it turns on', async ({
  page,
}) => {
  await page.goto('/?view=stack');
  await page.getByLabel('Template (JSON or YAML)').fill(OFFICE_ONLY);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  // Allowed only from the office network: the matrix cannot know the caller's address, so it does not
  // claim allow or deny; "?" is text, not colour alone, and the title names the key.
  const depends = page.getByRole('button', { name: /alice: s3:GetObject on .*office-files.*: depends$/ });
  await expect(depends).toHaveText('?', { timeout: 30_000 });
  await expect(depends).toHaveAttribute('title', /Depends on the request: aws:SourceIp/);
  await expect(page.getByRole('table', { name: /\? depends \(on the request/ })).toBeVisible();
  await depends.click();
  await expect(
    page.getByRole('region', { name: 'IAM trace' }).getByText(/Not certain: Depends on the request/),
  ).toBeVisible();
  await page.getByRole('heading', { name: 'Access matrix' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/stack-depends.png', fullPage: false });
});

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`screenshot at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?view=stack');
    await page.getByLabel('Open a template file').setInputFiles('tests/fixtures/stack/app-stack.yaml');
    await expect(page.getByText(/app-stack\.yaml: \d+ resources? simulated/)).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('button', { name: 'Create the test user and sign in' }).click();
    await expect(
      page.getByRole('status', { name: 'Played calls' }).getByText(/GetCredentialsForIdentity ✓/),
    ).toBeVisible({ timeout: 20_000 });
    await page.screenshot({ path: `test-results/stack-${width}-play.png`, fullPage: false });
    await page.screenshot({ path: `test-results/stack-${width}.png`, fullPage: false });
    await page.getByRole('heading', { name: 'Access matrix' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/stack-${width}-matrix.png`, fullPage: false });
    // The theme is read once at load; set it as the header's switch does, for the dark screenshot.
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'dark';
    });
    await page.screenshot({ path: `test-results/stack-${width}-matrix-dark.png`, fullPage: false });
    await page.evaluate(() => {
      document.documentElement.dataset.theme = 'light';
    });
    // The stuck caller column leaves most of the scroller to the decisions, on a phone too, and each
    // caller's name wraps between its words inside its cell.
    const columns = await page.evaluate(() => {
      const scroller = document.querySelector('.matrix-scroll')?.getBoundingClientRect().width ?? 0;
      const heads = [...document.querySelectorAll<HTMLElement>('.access-matrix tbody th')];
      return {
        share: (heads[0]?.getBoundingClientRect().width ?? scroller) / scroller,
        overflowing: heads.filter((h) => h.scrollWidth > h.clientWidth + 1).map((h) => h.textContent),
      };
    });
    expect(columns.share).toBeLessThan(width < 600 ? 0.32 : 0.2);
    expect(columns.overflowing).toEqual([]);
  });
}

const FEDERATED = 'tests/fixtures/stack/federated-stack.yaml';

test('the pipeline drawn from a federated stack; Google and SAML sign-in played and lit on it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?view=stack');
  await page.getByLabel('Open a template file').setInputFiles(FEDERATED);
  await expect(page.getByText(/federated-stack\.yaml: \d+ resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
  const diagram = page.getByRole('region', { name: 'Your pipeline' });
  for (const name of [
    /^reader-pool, User pool/,
    /^reader-web, App client of reader-pool/,
    /^Google, Google identity provider of reader-pool/,
    /^CorpSaml, SAML identity provider of reader-pool/,
    /^reader_ids, Identity pool/,
    /^CorpIdP, IAM SAML provider/,
    /^reader-auth, IAM role; authenticated/,
    /^reader-guest, IAM role; unauthenticated/,
    /^corp-staff, IAM role; rule email Contains/,
    /^reader-files-test, S3 bucket/,
    /^\/reader\/config, SSM parameter/,
    /^reader-notes, DynamoDB table/,
  ])
    await expect(diagram.getByRole('button', { name })).toBeVisible();

  // Enter on a box says what it is and where it is in the template.
  await diagram.getByRole('button', { name: /^corp-staff, IAM role/ }).focus();
  await page.keyboard.press('Enter');
  const details = page.getByRole('status', { name: 'Selected box' });
  await expect(details).toContainText('CorpStaffRole');
  await expect(details).toContainText('AWS::IAM::Role');
  await expect(details).toContainText('Resources.CorpStaffRole');

  // Google: the simulated Google signs a token for the template's client id; the pool gives reader-auth.
  await page.getByRole('button', { name: 'Sign in with Google to reader_ids' }).click();
  const played = page.getByRole('status', { name: 'Played calls' });
  await expect(played.getByText(/GetCredentialsForIdentity ✓ credentials ASIA/)).toBeVisible({
    timeout: 20_000,
  });
  await expect(played.getByText('arn:aws:iam::123456789012:role/reader-auth', { exact: true })).toBeVisible();
  await expect(
    played.getByText(/PutObject s3:\/\/reader-files-test\/private\/us-east-1:.*✓ HTTP 200/),
  ).toBeVisible();
  await expect(
    diagram.getByRole('button', {
      name: /^accounts\.google\.com, Google login.*\(used by the played flow\)$/,
    }),
  ).toBeVisible();
  await expect(
    diagram.getByRole('button', { name: /^reader-auth, IAM role.*\(used by the played flow\)$/ }),
  ).toBeVisible();
  await expect(
    diagram.getByRole('button', { name: /^reader-files-test, S3 bucket.*\(used by the played flow\)$/ }),
  ).toBeVisible();
  await expect(
    diagram.getByRole('button', { name: /^corp-staff, IAM role.*\(used by the played flow\)$/ }),
  ).toHaveCount(0);

  // SAML: refused while the provider trusts only the reader's IdP certificate, played once the simulator stands in.
  const samlButton = page.getByRole('button', { name: 'Sign in with SAML (CorpIdP) to reader_ids' });
  await samlButton.click();
  await expect(played.getByText(/GetId ✗ NotAuthorizedException/)).toBeVisible({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Let the simulated IdP stand in' }).click();
  await expect(page.getByText('The provider trusts the simulated IdP’s certificate.')).toBeVisible();
  await samlButton.click();
  await expect(played.getByText('arn:aws:iam::123456789012:role/corp-staff', { exact: true })).toBeVisible({
    timeout: 20_000,
  });
  await expect(
    diagram.getByRole('button', { name: /^corp-staff, IAM role.*\(used by the played flow\)$/ }),
  ).toBeVisible();
  await expect(
    diagram.getByRole('button', { name: /^CorpIdP, IAM SAML provider.*\(used by the played flow\)$/ }),
  ).toBeVisible();
});

test('sign-in through the user pool’s own Google and SAML providers (hosted UI) played against the stack', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?view=stack');
  await page.getByLabel('Open a template file').setInputFiles(FEDERATED);
  await expect(page.getByText(/federated-stack\.yaml: \d+ resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
  const played = page.getByRole('status', { name: 'Played calls' });
  const diagram = page.getByRole('region', { name: 'Your pipeline' });
  await page.getByRole('button', { name: 'Sign in with Google through reader-pool' }).click();
  await expect(
    played.getByText(/GET \/oauth2\/idpresponse ✓ 302 to https:\/\/reader\.example\/callback/),
  ).toBeVisible({
    timeout: 20_000,
  });
  await expect(played.getByText(/POST \/oauth2\/token ✓ user pool tokens for Google_\d+/)).toBeVisible();
  await expect(played.getByText(/GetCredentialsForIdentity ✓ credentials ASIA/)).toBeVisible();
  await expect(
    diagram.getByRole('button', {
      name: /^Google, Google identity provider of reader-pool.*\(used by the played flow\)$/,
    }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/stack-hosted-google.png', fullPage: true });

  // SAML through the user pool: refused at /saml2/idpresponse until the simulator's IdP stands in.
  const samlButton = page.getByRole('button', { name: 'Sign in with CorpSaml through reader-pool' });
  await samlButton.click();
  await expect(played.getByText(/POST \/saml2\/idpresponse ✗ .*Invalid samlResponse/)).toBeVisible({
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Let the simulator’s IdP stand in for CorpSaml' }).click();
  await expect(
    page.getByText('CorpSaml (user pool) now verifies with the simulator’s IdP certificate.'),
  ).toBeVisible();
  await samlButton.click();
  await expect(played.getByText(/POST \/oauth2\/token ✓ user pool tokens for CorpSaml_/)).toBeVisible({
    timeout: 20_000,
  });
});

test('an immutable mapped email: the review warns that each federated user signs in once, and a second Google sign-in shows it', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const template = readFileSync(FEDERATED, 'utf8').replace(
    "      MfaConfiguration: 'OFF'\n",
    "      MfaConfiguration: 'OFF'\n      Schema: [{ Name: email, AttributeDataType: String, Mutable: false }]\n",
  );
  await page.goto('/?view=stack');
  await page.getByLabel('Template (JSON or YAML)').fill(template);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/pasted template: \d+ resources? simulated/)).toBeVisible({ timeout: 30_000 });
  const findings = page.getByRole('region', { name: /Findings/ });
  const warning = findings.getByRole('listitem').filter({ hasText: 'mapped-attribute-immutable' }).first();
  await expect(warning).toContainText('Google maps email, which the pool’s schema makes immutable');
  await expect(warning).toContainText('each federated user signs in once');

  const played = page.getByRole('status', { name: 'Played calls' });
  const google = page.getByRole('button', { name: 'Sign in with Google through reader-pool' });
  await google.click();
  await expect(played.getByText(/POST \/oauth2\/token ✓ user pool tokens for Google_\d+/)).toBeVisible({
    timeout: 20_000,
  });
  await google.click();
  const refused = played.getByText(
    'GET /oauth2/idpresponse ✗ 302 https://reader.example/callback?error=invalid_request (user.email: Attribute cannot be updated.)',
  );
  await expect(refused).toBeVisible({ timeout: 20_000 });
  await expect(played.getByText(/POST \/oauth2\/token/)).toHaveCount(0);
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/stack-immutable-email.png' });
});

test('a machine client: its client credentials token opens the API method of its scope and not the other', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await page.goto('/?view=stack');
  await page.getByLabel('Open a template file').setInputFiles('tests/fixtures/stack/machine-client.yaml');
  await expect(page.getByText(/machine-client\.yaml: \d+ resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
  await expect(page.getByRole('region', { name: /Not simulated/ })).not.toContainText('Resources.ReportsApi');
  await page.getByRole('button', { name: 'Get a client credentials token as nightly-batch' }).click();
  const played = page.getByRole('status', { name: 'Played calls' });
  await expect(
    played.getByText(
      'POST /oauth2/token (client_credentials) ✓ access token for nightly-batch, scope https://reports.example/read; no ID or refresh token',
    ),
  ).toBeVisible({ timeout: 20_000 });
  await expect(played.getByText(/GET \/reports \(reports-rest\) ✓ HTTP 200/)).toBeVisible();
  const refused = played.getByText(/POST \/reports \(reports-rest\) ✗ HTTP 401 Unauthorized/);
  await expect(refused).toBeVisible();
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/stack-machine-client.png' });
});

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`pipeline screenshot at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?view=stack');
    await page.getByLabel('Open a template file').setInputFiles(FEDERATED);
    await expect(page.getByText(/federated-stack\.yaml: \d+ resources? simulated/)).toBeVisible({
      timeout: 30_000,
    });
    await page.getByRole('button', { name: 'Sign in with Google to reader_ids' }).click();
    await expect(
      page.getByRole('status', { name: 'Played calls' }).getByText(/GetCredentialsForIdentity ✓/),
    ).toBeVisible({ timeout: 20_000 });
    const diagram = page.getByRole('region', { name: 'Your pipeline' });
    await diagram.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/stack-pipeline-${width}.png`, fullPage: false });
    await diagram.screenshot({ path: `test-results/stack-pipeline-${width}-region.png` });
    // Every box is at least readable size: none is scaled below 140 × 44 CSS pixels.
    for (const box of await diagram.locator('.stack-node').all()) {
      const rect = await box.boundingBox();
      expect(rect?.width ?? 0).toBeGreaterThan(140);
      expect(rect?.height ?? 0).toBeGreaterThan(44);
    }
  });
}

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`the demo world exported and imported lays out at ${width}×${height}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width, height });
    await page.goto('/?view=stack');
    await page.getByRole('button', { name: 'Export the demo world' }).click();
    await page.getByRole('button', { name: 'Import the exported template' }).click();
    await expect(page.getByText(/exported template: \d+ resources? simulated/)).toBeVisible({
      timeout: 30_000,
    });
    // Its Google client id is long and unbroken: the label wraps it instead of widening the page.
    await expect(page.getByLabel(/Google account \(simulated Google, client \d+-/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);

    // The App client select ends before the next field starts (same row) or above it (next row).
    const select = await page.getByRole('combobox', { name: 'App client', exact: true }).boundingBox();
    const next = await page.getByLabel('Test user username').boundingBox();
    if (!select || !next) throw new Error('play form not drawn');
    expect(select.x + select.width <= next.x + 1 || select.y + select.height <= next.y + 1).toBe(true);

    // The matrix caption fits the visible width of its scroller.
    const caption = await page.getByText(/^Who can do what:/).boundingBox();
    const scroller = await page.locator('.matrix-scroll').boundingBox();
    if (!caption || !scroller) throw new Error('matrix not drawn');
    expect(caption.x + caption.width).toBeLessThanOrEqual(scroller.x + scroller.width + 1);
  });
}

test('text typed into the template box, never imported, is still there after a reload', async ({ page }) => {
  await page.goto('/?view=stack');
  const box = page.getByLabel('Template (JSON or YAML)');
  await box.fill('Resources:\n  Draft:\n    Type: AWS::S3::Bucket\n');
  await box.press('Control+End');
  await box.pressSequentially('# still typing');
  // At once, before the typing pause that writes the draft: leaving the page writes it.
  await page.reload();
  await expect(page.getByLabel('Template (JSON or YAML)')).toHaveValue(
    'Resources:\n  Draft:\n    Type: AWS::S3::Bucket\n# still typing',
  );

  // Imported, the text is the stack's own (kept with it); a later edit is a draft again.
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Template (JSON or YAML)').press('Control+End');
  await page.getByLabel('Template (JSON or YAML)').pressSequentially('\n# edited');
  await page.reload();
  await expect(page.getByText(/pasted template: 1 resource simulated/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByLabel('Template (JSON or YAML)')).toHaveValue(/# still typing\n# edited$/);
});

/** A role with a 40-character logical id and no RoleName: CloudFormation names it stack-logical-suffix. */
const LONG_ID = 'CustomerOrderProcessingPipelineExecution';
const LONG_ID_TEMPLATE = `Resources:
  ${LONG_ID}:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: { Federated: cognito-identity.amazonaws.com }
            Action: sts:AssumeRoleWithWebIdentity
      Policies:
        - PolicyName: read
          PolicyDocument:
            Statement:
              - { Effect: Allow, Action: 's3:GetObject', Resource: !Sub '\${Photos.Arn}/*' }
  Photos:
    Type: AWS::S3::Bucket
  Ids:
    Type: AWS::Cognito::IdentityPool
    Properties: { AllowUnauthenticatedIdentities: true }
  IdsRoles:
    Type: AWS::Cognito::IdentityPoolRoleAttachment
    Properties:
      IdentityPoolId: !Ref Ids
      Roles: { unauthenticated: !GetAtt ${LONG_ID}.Arn }
`;

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`a long box name wraps whole inside its box at ${width}×${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await page.goto('/?view=stack');
    await page.getByLabel('Template (JSON or YAML)').fill(LONG_ID_TEMPLATE);
    await page.getByRole('button', { name: 'Import', exact: true }).click();
    await expect(page.getByText(/pasted template: \d+ resources? simulated/)).toBeVisible({
      timeout: 30_000,
    });
    const diagram = page.getByRole('region', { name: 'Your pipeline' });
    const name = new RegExp(`^my-stack-${LONG_ID}-[A-Z0-9]{12}, IAM role`);
    const box = diagram.getByRole('button', { name });
    await expect(box).toBeVisible();
    await expect(box).toHaveAttribute('title', new RegExp(`my-stack-${LONG_ID}-[A-Z0-9]{12}: IAM role`));
    // Every character of the name is drawn: the label neither overflows nor is cut, on several lines.
    const label = box.locator('.stack-node__label');
    const fit = await label.evaluate((el) => ({
      text: el.textContent,
      overflowX: el.scrollWidth - el.clientWidth,
      overflowY: el.scrollHeight - el.clientHeight,
      lines: Math.round(
        el.getBoundingClientRect().height / Number.parseFloat(getComputedStyle(el).lineHeight),
      ),
    }));
    expect(fit.text).toMatch(new RegExp(`^my-stack-${LONG_ID}-[A-Z0-9]{12}$`));
    expect(fit.overflowX).toBeLessThanOrEqual(0);
    expect(fit.overflowY).toBeLessThanOrEqual(0);
    expect(fit.lines).toBeGreaterThan(1);
    // The box holds its label and the line below it.
    const boxRect = await box.boundingBox();
    const whatRect = await box.locator('.stack-node__what').boundingBox();
    if (!boxRect || !whatRect) throw new Error('box not drawn');
    expect(whatRect.y + whatRect.height).toBeLessThanOrEqual(boxRect.y + boxRect.height);
    await diagram.scrollIntoViewIfNeeded();
    await diagram.screenshot({ path: test.info().outputPath(`stack-long-name-${width}.png`) });
  });
}

/**
 * The Retail Demo Store's auth stack: long identity-pool ARNs in the matrix's group headings, names with
 * `<Parameter>` placeholders and odd camel case (`CognitoUnAuthorizedRole`) in the pipeline.
 */
const RETAIL = 'tests/fixtures/cfn-samples/retail-demo-store-auth.yaml';

interface Line {
  text: string;
  title: string | null;
  /** The text of each line drawn. */
  lines: string[];
  /** Where each line break falls: the character before it and the one after it. */
  breaks: [string, string][];
  rects: { x: number; y: number; w: number; h: number }[];
}

/**
 * The text of each element as drawn: the boxes of its characters and where its lines break. Text a
 * screen reader alone gets (inside a clipped, visually hidden element) is left out.
 */
async function drawnText(elements: Locator): Promise<Line[]> {
  return elements.evaluateAll((els) =>
    els.map((el) => {
      const chars: { ch: string; x: number; y: number; w: number; h: number }[] = [];
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        let hidden = false;
        for (let p = node.parentElement; p && p !== el.parentElement; p = p.parentElement)
          if (getComputedStyle(p).clip !== 'auto') hidden = true;
        if (hidden) continue;
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i += 1) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const r = range.getBoundingClientRect();
          if (r.width === 0 && r.height === 0) continue;
          chars.push({ ch: text[i] ?? '', x: r.x, y: r.y, w: r.width, h: r.height });
        }
      }
      const breaks: [string, string][] = [];
      const lines = [chars[0]?.ch ?? ''];
      for (let i = 1; i < chars.length; i += 1) {
        const a = chars[i - 1];
        const b = chars[i];
        if (!a || !b) continue;
        // A new line starts where a character sits clearly below the one before it (horizontal text).
        if (b.y > a.y + a.h / 2) {
          breaks.push([a.ch, b.ch]);
          lines.push('');
        }
        lines[lines.length - 1] += b.ch;
      }
      return {
        text: chars.map((c) => c.ch).join(''),
        title: el.getAttribute('title'),
        lines,
        breaks,
        rects: chars.map(({ x, y, w, h }) => ({ x, y, w, h })),
      };
    }),
  );
}

const intersects = (
  a: { x: number; y: number; w: number; h: number },
  b: { x: number; y: number; w: number; h: number },
) => a.x < b.x + b.w - 0.5 && b.x < a.x + a.w - 0.5 && a.y < b.y + b.h - 0.5 && b.y < a.y + a.h - 0.5;

async function openRetail(page: Page) {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
  await page.getByLabel('Open a template file').setInputFiles(RETAIL);
  await expect(page.getByText(/retail-demo-store-auth\.yaml: \d+ resources? simulated/)).toBeVisible({
    timeout: 30_000,
  });
}

for (const [width, height] of [
  [1280, 720],
  [390, 844],
] as const) {
  test(`the access matrix's headings do not overlap or break inside a word at ${width}×${height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openRetail(page);
    const matrix = page.getByRole('table', { name: /Who can do what/ });
    await matrix.scrollIntoViewIfNeeded();
    // The identity pool's group heading: its full ARN is its accessible name and its title.
    const poolId = 'us-east-1:95466efc-f48e-4113-a323-da5bbff9f338';
    const group = matrix.getByRole('columnheader', { name: `cognito-sync identitypool/${poolId}` });
    await expect(group).toHaveAttribute('title', `cognito-sync identitypool/${poolId}`);

    const headers = matrix.getByRole('columnheader');
    const scopes = await headers.evaluateAll((els) => els.map((el) => el.getAttribute('scope')));
    const drawn = await drawnText(headers);
    const groups = drawn.filter((_, i) => scopes[i] === 'colgroup');
    const actions = drawn.filter((_, i) => scopes[i] === 'col' && drawn[i]?.text !== 'Caller');
    expect(groups.length).toBeGreaterThan(3);
    expect(actions.length).toBeGreaterThan(20);
    for (const a of actions)
      for (const g of groups)
        expect(
          a.rects.some((r) => g.rects.some((s) => intersects(r, s))),
          `"${a.text}" is drawn over "${g.text}"`,
        ).toBe(false);
    // A group heading's service has a line of its own; after it, lines break after ':', '/' or a
    // space, or around a <Parameter>, never at a hyphen.
    for (const g of groups)
      for (const [i, line] of g.lines.slice(0, -1).entries())
        expect(
          (i === 0 && line === g.title?.split(' ')[0]) ||
            /[:/ >]$/.test(line) ||
            g.lines[i + 1]?.startsWith('<'),
          `"${g.text}" breaks after "${line}"`,
        ).toBe(true);
    await page.screenshot({ path: test.info().outputPath(`stack-matrix-headings-${width}.png`) });
  });

  test(`pipeline names and the app client break only between words at ${width}×${height}`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height });
    await openRetail(page);
    const diagram = page.getByRole('region', { name: 'Your pipeline' });
    const boxes = diagram.getByRole('button', { name: /, (User pool|App client|Identity pool|IAM role)/ });
    await expect(boxes).toHaveCount(6);
    const names = await drawnText(boxes.locator('.stack-node__label'));
    for (const n of names) {
      // Every box draws its whole name here: these names fit once the column is wide enough.
      expect(n.text).toMatch(/^(<AuthName>|my-stack-)/);
      for (const [before, after] of n.breaks)
        expect(
          /[-_/:.@,\s>]/.test(before) || after === '<',
          `"${n.text}" breaks between "${before}" and "${after}"`,
        ).toBe(true);
    }
    await expect(diagram.getByRole('button', { name: /^<AuthName>Identity, Identity pool/ })).toBeVisible();
    await expect(
      diagram.getByRole('button', { name: /^my-stack-CognitoUnAuthorizedRole-[A-Z0-9]{12}, IAM role/ }),
    ).toHaveAttribute('title', /^my-stack-CognitoUnAuthorizedRole-[A-Z0-9]{12}: IAM role/);
    // No unit of a name is cut: each is drawn whole inside its box.
    for (const word of await diagram.locator('.stack-node__label > *').all())
      expect(await word.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);

    // The App client select shows the chosen client's name whole, and its title names it with its pool.
    const select = page.getByRole('combobox', { name: 'App client', exact: true });
    await expect(select).toHaveAttribute('title', '<AuthName>-client, app client of <AuthName>-user-pool');
    const fit = await select.evaluate((el) => {
      const s = el as HTMLSelectElement;
      const style = getComputedStyle(s);
      const context = document.createElement('canvas').getContext('2d');
      if (!context) throw new Error('no canvas');
      context.font = style.font;
      const text = s.selectedOptions[0]?.text ?? '';
      // The room for text: the box less its padding, borders and the drop-down arrow (about 20 px).
      const room =
        s.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
      return { text, needed: context.measureText(text).width, room };
    });
    expect(fit.text).toBe('<AuthName>-client');
    expect(fit.needed).toBeLessThanOrEqual(fit.room);
    await diagram.scrollIntoViewIfNeeded();
    await diagram.screenshot({ path: test.info().outputPath(`stack-retail-pipeline-${width}.png`) });
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the finding about guest writes names only actions the matrix lets the guest call', async ({ page }) => {
  await openRetail(page);
  const finding = page
    .getByRole('region', { name: /Findings/ })
    .getByRole('listitem')
    .filter({ hasText: 'unauth-role-can-write' });
  const text = (await finding.textContent()) ?? '';
  const named = [...text.matchAll(/\b([a-z0-9-]+:[A-Za-z*]+) (\*|arn:\S+?)(?=[;.] )/g)];
  expect(named.map((m) => m[1])).toEqual(
    expect.arrayContaining(['personalize:PutEvents', 'mobiletargeting:UpdateEndpoint']),
  );
  for (const [, action, resource] of named)
    await expect(
      // "depends" too: a write allowed when the request meets a condition is still a write.
      page.getByRole('button', {
        name: new RegExp(
          `^Guest of <AuthName>Identity: ${escapeRegExp(`${action} on ${resource}`)}: (allow|depends)$`,
        ),
      }),
    ).toBeVisible();
});

test('the access matrix narrows to the callers and columns whose words the reader types', async ({
  page,
}) => {
  await page.goto('/?view=stack');
  await page.getByLabel('Open a template file').setInputFiles('tests/fixtures/stack/app-stack.yaml');
  await expect(page.getByText(/app-stack\.yaml: \d+ resources? simulated/)).toBeVisible({ timeout: 30_000 });
  const matrix = page.getByRole('table', { name: /Who can do what/ });
  const rowHeads = matrix.getByRole('rowheader');
  const allRows = await rowHeads.count();
  const allColumns = await matrix.locator('thead tr').nth(1).getByRole('columnheader').count();
  expect(allRows).toBeGreaterThan(1);
  const search = page.getByRole('search', { name: 'Filter the access matrix' });
  const names = await rowHeads.allTextContents();
  const groups = names.filter((name) => name.toLowerCase().includes('group'));
  expect(groups.length).toBeGreaterThan(0);
  expect(groups.length).toBeLessThan(allRows);
  // Any case: the groups' roles, and no one else.
  await search.getByLabel('Callers containing').fill('GROUP');
  await expect(rowHeads).toHaveText(groups);
  const kept = groups.length;
  await expect(search.getByRole('status')).toHaveText(
    new RegExp(`^Showing ${kept} of ${allRows} callers and ${allColumns} of ${allColumns} columns\\.$`),
  );
  // Columns by service, action or resource: every column left names S3.
  await search.getByLabel('Columns containing').fill('s3');
  const columnHeads = matrix.locator('thead tr').nth(1).getByRole('columnheader');
  await expect.poll(() => columnHeads.count()).toBeLessThan(allColumns);
  const headings = await columnHeads.allTextContents();
  expect(headings.length).toBeGreaterThan(0);
  for (const heading of headings) expect(heading.toLowerCase()).toContain('s3');
  // Words nobody has: the table gives way to a sentence saying so; clearing brings everything back.
  await search.getByLabel('Callers containing').fill('no-such-caller');
  await expect(page.getByText('No caller contains “no-such-caller”')).toBeVisible();
  await expect(matrix).toHaveCount(0);
  await search.getByLabel('Callers containing').fill('');
  await search.getByLabel('Columns containing').fill('');
  await expect(rowHeads).toHaveCount(allRows);
  await expect(search.getByRole('status')).toHaveText('');
});

/** Opens `template` as a file named `name` and waits for the import's summary to count `callers`. */
async function openTemplate(page: Page, name: string, template: unknown, callers: string) {
  await page.getByLabel('Open a template file').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(template)),
  });
  await expect(
    page.getByText(`${name}: `, { exact: false }).filter({ hasText: ` simulated, ${callers},` }),
  ).toBeVisible({
    timeout: 30_000,
  });
}

test('a queue the stack defines gets columns of its own, and its queue policy makes a cell depend', async ({
  page,
}) => {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
  const queue = (name: string) => ({ Type: 'AWS::SQS::Queue', Properties: { QueueName: name } });
  const template = {
    Resources: {
      Orders: queue('orders'),
      Audit: queue('audit'),
      OrdersPolicy: {
        Type: 'AWS::SQS::QueuePolicy',
        Properties: {
          Queues: [{ Ref: 'Orders' }],
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: '*' }],
          },
        },
      },
      Worker: {
        Type: 'AWS::IAM::User',
        Properties: {
          UserName: 'worker',
          Policies: [
            {
              PolicyName: 'queues',
              PolicyDocument: {
                Version: '2012-10-17',
                Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
              },
            },
          ],
        },
      },
    },
  };
  await openTemplate(page, 'queues.json', template, '1 caller');
  const arn = 'arn:aws:sqs:us-east-1:123456789012:';
  // `sqs:*` on `*` is tried on each queue, not shown as a column on "*".
  await expect(
    page.getByRole('button', { name: `IAM user worker: sqs:SendMessage on ${arn}audit: allow` }),
  ).toBeVisible();
  const guarded = page.getByRole('button', {
    name: `IAM user worker: sqs:SendMessage on ${arn}orders: depends`,
  });
  await expect(guarded).toBeVisible();
  await expect(page.getByRole('button', { name: /IAM user worker: sqs:\S+ on \*: / })).toHaveCount(0);
  await guarded.click();
  await expect(page.getByText(/queue policy OrdersPolicy on queue orders/).first()).toBeVisible();
});

test('a KMS key the stack defines is decided with its key policy, and the IAM trace agrees', async ({
  page,
}) => {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
  const user = (name: string, statement: unknown) => ({
    Type: 'AWS::IAM::User',
    Properties: {
      UserName: name,
      Policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17', Statement: [statement] } }],
    },
  });
  const template = {
    Resources: {
      // The key policy names one user and does not enable IAM policies.
      Key: {
        Type: 'AWS::KMS::Key',
        Properties: {
          KeyPolicy: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'KeyUser',
                Effect: 'Allow',
                Principal: { AWS: { 'Fn::GetAtt': ['Named', 'Arn'] } },
                Action: 'kms:Decrypt',
                Resource: '*',
              },
            ],
          },
        },
      },
      Crypto: user('crypto', { Effect: 'Allow', Action: 'kms:Decrypt', Resource: '*' }),
      Named: user('named', { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::x/*' }),
    },
  };
  await openTemplate(page, 'key.json', template, '2 callers');
  const refused = page.getByRole('button', {
    name: /^IAM user crypto: kms:Decrypt on arn:aws:kms:us-east-1:123456789012:key\/[0-9a-f-]{36}: deny$/,
  });
  await expect(refused).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^IAM user named: kms:Decrypt on arn:aws:kms:\S+: allow$/ }),
  ).toBeVisible();
  await refused.click();
  const trace = page.getByRole('region', { name: 'IAM trace' });
  await expect(trace.getByText(/unless the key policy explicitly allows it/).first()).toBeVisible();
  await expect(
    trace.getByRole('heading', { name: 'ImplicitDeny IAM user crypto: kms:Decrypt' }),
  ).toBeVisible();
  await expect(
    page.getByRole('region', { name: /Not simulated/ }).getByText(/its key policy decides the access matrix/),
  ).toBeVisible();
});

test('a pool that signs users in by email: the test user signs up and in with the address', async ({
  page,
}) => {
  await page.goto('/?view=stack');
  await expect(page.getByRole('heading', { name: 'Your stack' })).toBeVisible({ timeout: 20_000 });
  const template = {
    Resources: {
      People: {
        Type: 'AWS::Cognito::UserPool',
        Properties: {
          UserPoolName: 'people',
          UsernameAttributes: ['email'],
          AutoVerifiedAttributes: ['email'],
        },
      },
      Web: {
        Type: 'AWS::Cognito::UserPoolClient',
        Properties: { UserPoolId: { Ref: 'People' }, ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH'] },
      },
    },
  };
  await openTemplate(page, 'people.json', template, '0 callers');
  // No username to choose: the pool makes one.
  await expect(page.getByText('Test user username: generated by the pool')).toBeVisible();
  await expect(page.getByLabel('Test user username')).toHaveCount(0);
  await page.getByLabel('Test user email').fill('dana@example.com');
  await page.getByRole('button', { name: 'Create the test user and sign in' }).click();
  const played = page.getByRole('status', { name: 'Played calls' });
  await expect(played.getByText(/InitiateAuth ✓/)).toBeVisible({ timeout: 20_000 });
  await expect(played.getByRole('heading', { name: 'Test user dana@example.com' })).toBeVisible();
  await expect(played.getByText(/^SignUp ✓/)).toBeVisible();
});
