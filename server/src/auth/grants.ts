/** What a bearer token allows. Staff and kiosk tokens have different audiences. */
export type StaffRole = 'staff' | 'admin';

export interface StaffGrant {
  kind: 'staff';
  staffId: string;
  role: StaffRole;
  /** The login session (refresh-token family) the token belongs to; revoking it stops the token. */
  loginSessionId: string;
}

export interface KioskGrant {
  kind: 'kiosk';
  kioskId: string;
}

/** A guest invited into one consultation by a link. */
export interface GuestGrant {
  kind: 'guest';
  linkId: string;
  consultationId: string;
}

export type Grant = StaffGrant | KioskGrant | GuestGrant;

export const TOKEN_ISSUER = 'madoguchi';
export const AUDIENCE = { staff: 'madoguchi:staff', kiosk: 'madoguchi:kiosk', guest: 'madoguchi:guest' } as const;
