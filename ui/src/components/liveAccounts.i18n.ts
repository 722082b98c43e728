// Messages of the live accounts panel (English and French).
import { translator } from '../lib/i18n/index.svelte';

const en = {
  title: 'Live accounts (Bluesky, Mastodon)',
  intro:
    'Open networks can be read live: Resonance takes a dated snapshot (followers, posts and their numbers) when you ask and once a day while it is open, building a true follower history. This is the only time Resonance goes on the network, and only to the server named below.',
  platform: 'Network',
  handle: 'Handle',
  handle_placeholder_bluesky: 'camille.bsky.social',
  handle_placeholder_mastodon: '@camille@piaille.fr',
  role: 'Role',
  add: 'Add and take a first snapshot',
  adding: 'Adding…',
  contacts: 'Resonance will contact {host}.',
  empty: 'No live account yet.',
  bluesky_format: 'A Bluesky handle looks like camille.bsky.social (or a did:… identifier).',
  mastodon_format: 'A Mastodon address looks like @camille@piaille.fr.',
  added: '{handle} added: {followers} followers today.',
  added_existing: '{handle} was already known: snapshot taken.',
  never: 'No snapshot yet',
  ok: 'Last snapshot {at}',
  failed_prefix: 'Last attempt failed:',
  sync: 'Sync now',
  sync_all: 'Sync all now',
  syncing: 'Syncing…',
  cancel: 'Cancel',
  followers_list: 'Also read the follower list (for audience overlap and unfollows; slower)',
  synced: '{n} snapshot(s) taken.',
  sync_failed: '{handle}: {message}',
  daily: 'Snapshots are also taken once a day while Resonance is open.',
};

const fr: typeof en = {
  title: 'Comptes en direct (Bluesky, Mastodon)',
  intro:
    "Les réseaux ouverts se lisent en direct : Resonance prend un relevé daté (abonnés, publications et leurs chiffres) quand vous le demandez et une fois par jour quand il est ouvert, ce qui construit un vrai historique d'abonnés. C'est le seul moment où Resonance va sur le réseau, et seulement vers le serveur indiqué ci-dessous.",
  platform: 'Réseau',
  handle: 'Identifiant',
  handle_placeholder_bluesky: 'camille.bsky.social',
  handle_placeholder_mastodon: '@camille@piaille.fr',
  role: 'Rôle',
  add: 'Ajouter et prendre un premier relevé',
  adding: 'Ajout…',
  contacts: 'Resonance contactera {host}.',
  empty: 'Aucun compte en direct pour le moment.',
  bluesky_format: 'Un identifiant Bluesky ressemble à camille.bsky.social (ou à un identifiant did:…).',
  mastodon_format: 'Une adresse Mastodon ressemble à @camille@piaille.fr.',
  added: "{handle} ajouté : {followers} abonnés aujourd'hui.",
  added_existing: '{handle} était déjà connu : relevé pris.',
  never: 'Aucun relevé pour le moment',
  ok: 'Dernier relevé {at}',
  failed_prefix: 'Dernière tentative échouée :',
  sync: 'Relever maintenant',
  sync_all: 'Tout relever maintenant',
  syncing: 'Relevé en cours…',
  cancel: 'Annuler',
  followers_list: "Lire aussi la liste des abonnés (pour l'audience commune et les désabonnements ; plus lent)",
  synced: '{n} relevé(s) pris.',
  sync_failed: '{handle} : {message}',
  daily: 'Un relevé est aussi pris une fois par jour tant que Resonance est ouvert.',
};

export const t = translator({ en, fr });
