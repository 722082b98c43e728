// Messages of the column-mapping step (English and French).
import type { GenericField } from '../lib/bindings/GenericField';
import type { Lang } from '../lib/bindings/Lang';
import { translator } from '../lib/i18n/index.svelte';

const en = {
  title: 'Map the columns of {file}',
  intro:
    'Resonance does not know this file. Say what each column holds and it will read it like an export: followers by day, posts and their numbers. Columns left on “ignore” are not read.',
  column: 'Column in the file',
  sample: 'First values',
  field: 'Resonance field',
  ignore: 'Ignore',
  platform: 'Platform',
  handle: 'Account name on that platform',
  handle_hint: 'e.g. camille.creates — or choose an existing account',
  existing: 'Add to an existing account',
  existing_none: 'No: the account named above',
  role: 'Role of a new account',
  day_first: 'Dates are day first (03/04/2026 = 3 April)',
  import: 'Import with this mapping',
  cancel: 'Cancel',
  no_date: 'Choose the column that holds the date.',
  nothing_to_record: 'Choose at least followers, a post id or link, or a metric (views, likes…).',
  no_account: 'Give the account name, choose an existing account, or map an “account” column.',
  docs: 'The fields are described in docs/generic-csv.md.',
  preview_failed: 'The file cannot be previewed: {message}',
};

const fr: typeof en = {
  title: 'Associer les colonnes de {file}',
  intro:
    'Resonance ne connaît pas ce fichier. Indiquez ce que contient chaque colonne et il le lira comme un export : abonnés par jour, publications et leurs chiffres. Les colonnes laissées sur « ignorer » ne sont pas lues.',
  column: 'Colonne du fichier',
  sample: 'Premières valeurs',
  field: 'Champ Resonance',
  ignore: 'Ignorer',
  platform: 'Plateforme',
  handle: 'Nom du compte sur cette plateforme',
  handle_hint: 'p. ex. camille.creates — ou choisissez un compte existant',
  existing: 'Ajouter à un compte existant',
  existing_none: 'Non : le compte nommé ci-dessus',
  role: "Rôle d'un nouveau compte",
  day_first: "Les dates commencent par le jour (03/04/2026 = 3 avril)",
  import: 'Importer avec ces associations',
  cancel: 'Annuler',
  no_date: 'Choisissez la colonne qui contient la date.',
  nothing_to_record: "Choisissez au moins les abonnés, l'identifiant ou le lien d'une publication, ou une mesure (vues, j'aime…).",
  no_account: 'Donnez le nom du compte, choisissez un compte existant, ou associez une colonne « compte ».',
  docs: 'Les champs sont décrits dans docs/generic-csv.md.',
  preview_failed: "Impossible d'afficher le fichier : {message}",
};

export const t = translator({ en, fr });

const FIELD_LABELS: Record<GenericField, { en: string; fr: string }> = {
  date: { en: 'Date', fr: 'Date' },
  followers: { en: 'Followers', fr: 'Abonnés' },
  following: { en: 'Following', fr: 'Abonnements' },
  post_id: { en: 'Post id', fr: 'Identifiant de publication' },
  post_url: { en: 'Post link', fr: 'Lien de publication' },
  post_text: { en: 'Post text', fr: 'Texte de publication' },
  post_kind: { en: 'Post kind', fr: 'Type de publication' },
  views: { en: 'Views', fr: 'Vues' },
  impressions: { en: 'Impressions', fr: 'Impressions' },
  reach: { en: 'Reach', fr: 'Portée' },
  likes: { en: 'Likes', fr: "J'aime" },
  comments: { en: 'Comments', fr: 'Commentaires' },
  replies: { en: 'Replies', fr: 'Réponses' },
  shares: { en: 'Shares / reposts', fr: 'Partages / republications' },
  quotes: { en: 'Quotes', fr: 'Citations' },
  saves: { en: 'Saves / bookmarks', fr: 'Enregistrements' },
  profile_visits: { en: 'Profile visits', fr: 'Visites du profil' },
  follows: { en: 'Follows from the post', fr: 'Abonnements issus de la publication' },
  link_clicks: { en: 'Link clicks', fr: 'Clics sur le lien' },
  watch_time_s: { en: 'Watch time (seconds)', fr: 'Durée de visionnage (secondes)' },
  avg_view_duration_s: { en: 'Average view duration (s)', fr: 'Durée moyenne de visionnage (s)' },
  avg_pct_viewed: { en: 'Average % viewed', fr: 'Pourcentage moyen regardé' },
  platform: { en: 'Platform (per row)', fr: 'Plateforme (par ligne)' },
  account: { en: 'Account (per row)', fr: 'Compte (par ligne)' },
};

export function fieldLabel(f: GenericField, lang: Lang): string {
  return FIELD_LABELS[f][lang];
}
