import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ContactFilter, HouseholdContacts, NewContact } from '../../api/bindings';
import { call } from '../../api/rpc';

/** Query keys of 密接管理. Any change to a contact may change every list and chain. */
export const contactKeys = {
  all: ['contacts'] as const,
  lists: () => [...contactKeys.all, 'list'] as const,
  list: (filter: ContactFilter) => [...contactKeys.lists(), filter] as const,
  chains: () => [...contactKeys.all, 'chain'] as const,
  chain: (personId: string) => [...contactKeys.chains(), personId] as const,
};

export const PAGE_SIZE = 20;

export function useContacts(filter: ContactFilter) {
  return useQuery({
    queryKey: contactKeys.list(filter),
    queryFn: () => call('list_contacts', { input: filter }),
    placeholderData: keepPreviousData,
  });
}

/** A person's contact chain both ways. */
export function useContactChain(personId: string | null) {
  return useQuery({
    queryKey: contactKeys.chain(personId ?? ''),
    queryFn: () => call('contact_chain', { input: { id: personId! } }),
    enabled: personId !== null,
  });
}

function useInvalidateContacts() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: contactKeys.all });
}

export function useAddContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (input: NewContact) => call('add_contact', { input }),
    onSuccess: invalidate,
  });
}

export function useAddHouseholdContacts() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (input: HouseholdContacts) => call('add_household_contacts', { input }),
    onSuccess: invalidate,
  });
}

export function useDeleteContact() {
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (id: string) => call('delete_contact', { input: { id } }),
    onSuccess: invalidate,
  });
}
