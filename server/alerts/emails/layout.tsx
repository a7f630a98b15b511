// The one HTML layout of every alert email (react-email components: table-based, inline styles, so it holds up in
// mail clients). Content comes as an EmailView (content.ts); React escapes every text and attribute.
import { Body, Button, Container, Head, Heading, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";
import type { EmailView, ItemView, SectionView } from "./content";

const font = '-apple-system, "Segoe UI", Roboto, "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif';
const styles = {
  body: { backgroundColor: "#f4f5f7", fontFamily: font, color: "#1f2328", margin: 0, padding: "24px 0" },
  container: { backgroundColor: "#ffffff", maxWidth: "600px", padding: "24px", borderRadius: "8px" },
  brand: { fontSize: "13px", letterSpacing: "0.04em", textTransform: "uppercase" as const, color: "#57606a", margin: "0 0 8px" },
  title: { fontSize: "22px", lineHeight: "1.3", margin: "0 0 16px" },
  text: { fontSize: "15px", lineHeight: "1.5", margin: "0 0 12px" },
  section: { fontSize: "17px", margin: "24px 0 8px" },
  item: { borderLeft: "4px solid #0969da", padding: "4px 0 4px 12px", margin: "0 0 16px" },
  itemHeading: { fontSize: "16px", fontWeight: 600, lineHeight: "1.4", margin: "0 0 6px" },
  late: { fontSize: "14px", backgroundColor: "#fff8c5", color: "#4d2d00", padding: "6px 8px", margin: "0 0 8px" },
  row: { fontSize: "14px", lineHeight: "1.5", margin: "0" },
  rowLabel: { color: "#57606a" },
  line: { fontSize: "14px", lineHeight: "1.5", margin: "6px 0 0" },
  link: { color: "#0969da" },
  button: { backgroundColor: "#0969da", color: "#ffffff", padding: "10px 18px", borderRadius: "6px", fontSize: "15px" },
  footer: { fontSize: "12px", lineHeight: "1.5", color: "#57606a", margin: "0 0 4px" },
} as const;

function Item({ item }: { item: ItemView }) {
  return (
    <Section style={styles.item}>
      <Text style={styles.itemHeading}>{item.heading}</Text>
      {item.note && <Text style={styles.late}>{item.note}</Text>}
      {item.rows.map((row) => (
        <Text key={row.label} style={styles.row}>
          <span style={styles.rowLabel}>{row.label}:</span> {row.value}
        </Text>
      ))}
      {item.lines.map((line, i) => (
        <Text key={i} style={styles.line}>
          {line}
        </Text>
      ))}
      {item.link && (
        <Text style={styles.line}>
          <Link href={item.link.href} style={styles.link}>
            {item.link.label}
          </Link>
        </Text>
      )}
    </Section>
  );
}

function ItemSection({ section }: { section: SectionView }) {
  return (
    <Section>
      {section.heading && (
        <Heading as="h2" style={styles.section}>
          {section.heading}
        </Heading>
      )}
      {section.items.length === 0 && section.empty && <Text style={styles.text}>{section.empty}</Text>}
      {section.items.map((item, i) => (
        <Item key={i} item={item} />
      ))}
    </Section>
  );
}

export function EmailLayout({ view }: { view: EmailView }) {
  return (
    <Html lang={view.lang}>
      <Head>
        <meta name="color-scheme" content="light" />
      </Head>
      <Preview>{view.preview}</Preview>
      <Body style={styles.body}>
        <Container style={styles.container}>
          <Text style={styles.brand}>Tradewatch</Text>
          <Heading as="h1" style={styles.title}>
            {view.title}
          </Heading>
          <Text style={styles.text}>{view.greeting}</Text>
          {view.intro.map((p, i) => (
            <Text key={i} style={styles.text}>
              {p}
            </Text>
          ))}
          {view.sections.map((section, i) => (
            <ItemSection key={i} section={section} />
          ))}
          {view.action && (
            <Section style={{ margin: "8px 0 16px" }}>
              <Button href={view.action.href} style={styles.button}>
                {view.action.label}
              </Button>
              <Text style={styles.footer}>{view.action.href}</Text>
            </Section>
          )}
          {view.outro.map((p, i) => (
            <Text key={i} style={styles.text}>
              {p}
            </Text>
          ))}
          <Hr />
          <Text style={styles.footer}>{view.footer.text}</Text>
          <Text style={styles.footer}>
            {view.footer.links.map((l, i) => (
              <span key={l.href + i}>
                {i > 0 && " · "}
                <Link href={l.href} style={styles.link}>
                  {l.label}
                </Link>
              </span>
            ))}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
