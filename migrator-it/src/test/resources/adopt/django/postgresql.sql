SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

CREATE TABLE public.audit_entry (
    id integer NOT NULL,
    note character varying(200),
    account_id integer NOT NULL
);

CREATE SEQUENCE public.audit_entry_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.audit_entry_id_seq OWNED BY public.audit_entry.id;

CREATE TABLE public.django_migrations (
    id integer NOT NULL,
    app character varying(255) NOT NULL,
    name character varying(255) NOT NULL,
    applied timestamp with time zone NOT NULL
);

CREATE SEQUENCE public.django_migrations_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.django_migrations_id_seq OWNED BY public.django_migrations.id;

CREATE TABLE public.ledger_account (
    id integer NOT NULL,
    owner character varying(100) NOT NULL,
    balance numeric(12,2) NOT NULL,
    iban character varying(34)
);

CREATE SEQUENCE public.ledger_account_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;

ALTER SEQUENCE public.ledger_account_id_seq OWNED BY public.ledger_account.id;

ALTER TABLE ONLY public.audit_entry ALTER COLUMN id SET DEFAULT nextval('public.audit_entry_id_seq'::regclass);

ALTER TABLE ONLY public.django_migrations ALTER COLUMN id SET DEFAULT nextval('public.django_migrations_id_seq'::regclass);

ALTER TABLE ONLY public.ledger_account ALTER COLUMN id SET DEFAULT nextval('public.ledger_account_id_seq'::regclass);

INSERT INTO public.django_migrations (id, app, name, applied) VALUES (1, 'ledger', '0001_initial', '2024-01-01 00:01:00+00');
INSERT INTO public.django_migrations (id, app, name, applied) VALUES (2, 'ledger', '0002_account_iban', '2024-01-01 00:02:00+00');
INSERT INTO public.django_migrations (id, app, name, applied) VALUES (3, 'audit', '0001_initial', '2024-01-01 00:03:00+00');

SELECT pg_catalog.setval('public.audit_entry_id_seq', 1, false);

SELECT pg_catalog.setval('public.django_migrations_id_seq', 3, true);

SELECT pg_catalog.setval('public.ledger_account_id_seq', 1, false);

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.django_migrations
    ADD CONSTRAINT django_migrations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY public.ledger_account
    ADD CONSTRAINT ledger_account_pkey PRIMARY KEY (id);

CREATE INDEX audit_entry_account_id_98d08615 ON public.audit_entry USING btree (account_id);

ALTER TABLE ONLY public.audit_entry
    ADD CONSTRAINT audit_entry_account_id_98d08615_fk_ledger_account_id FOREIGN KEY (account_id) REFERENCES public.ledger_account(id) DEFERRABLE INITIALLY DEFERRED;

